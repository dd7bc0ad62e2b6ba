import { z } from 'zod';
import { errorBody } from '../../shared/api/common.ts';
import { type EndpointSpec, isZod } from '../../shared/api/endpoint.ts';
import { IDEMPOTENCY_HEADER } from '../../shared/api/idempotency.ts';

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is plain JSON, walked by key
type Json = Record<string, any>;

const binary = { type: 'string', format: 'binary' } as const;

/**
 * What Fastify's route schemas cannot say, added from the catalogue: the real media types of
 * uploads and downloads, the error body every operation may answer, and which operations need
 * no session. Fastify's schemas carry only JSON (validation and serialization).
 */
export function completeOpenApi(document: Json, endpoints: readonly EndpointSpec[], publicUrl: string): Json {
  // Where this server is reached (PUBLIC_URL): a generated client needs an absolute base.
  document.servers = [{ url: publicUrl, description: 'This Plit server' }];
  const byId = new Map(endpoints.map((e) => [e.operationId, e]));
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.ErrorBody = z.toJSONSchema(errorBody, { target: 'draft-2020-12' });
  document.paths ??= {};
  // Fastify's document leaves WebSocket routes out; they are endpoints of the catalogue too.
  for (const spec of endpoints.filter((e) => e.websocket)) {
    const path = spec.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    document.paths[path] ??= {};
    document.paths[path].get ??= {
      operationId: spec.operationId,
      tags: [...spec.tags],
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
    };
  }
  for (const item of Object.values(document.paths) as Json[]) {
    for (const operation of Object.values(item) as Json[]) {
      const spec = byId.get(operation?.operationId);
      if (!spec) continue;
      describeRequest(operation, spec);
      describeResponses(operation, spec);
      if (spec.idempotent) describeIdempotencyKey(operation);
      if (spec.public) operation.security = [];
      // Which scoped links' sessions may call it (everything else answers them 404).
      if (spec.scopes?.length) operation['x-plit-scopes'] = [...spec.scopes];
    }
  }
  return document;
}

function describeRequest(operation: Json, spec: EndpointSpec): void {
  const body = spec.body;
  if (!body || isZod(body)) return;
  if (body.kind === 'multipart') {
    operation.requestBody = {
      required: true,
      description: body.description,
      content: {
        'multipart/form-data': {
          schema: { type: 'object', required: [body.field], properties: { [body.field]: binary } },
        },
      },
    };
  } else {
    operation.requestBody = {
      required: true,
      description: body.description,
      content: Object.fromEntries(body.mediaTypes.map((type) => [type, { schema: binary }])),
    };
  }
}

/** The header every create takes (`http/idempotency.ts` keeps the rule). */
function describeIdempotencyKey(operation: Json): void {
  operation.parameters ??= [];
  operation.parameters.push({
    name: IDEMPOTENCY_HEADER,
    in: 'header',
    required: false,
    description:
      'One key (a UUID) per thing you mean to create, sent again on every retry of it: a retry with ' +
      'the same key and request answers the first result (for 24 hours) instead of creating again; ' +
      'the same key with another request answers 422 `idempotency_key_reused`, and one still ' +
      'running 409 `request_in_progress`.',
    schema: { type: 'string', minLength: 8, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
  });
}

const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } };

function describeResponses(operation: Json, spec: EndpointSpec): void {
  operation.responses ??= {};
  for (const [status, answer] of Object.entries(spec.responses)) {
    if (isZod(answer)) continue;
    operation.responses[status] =
      answer.kind === 'file'
        ? { description: answer.description, content: { [answer.mediaType]: { schema: binary } } }
        : { description: answer.description };
  }
  operation.responses['4XX'] = {
    description: 'An error from the catalogue (`error.code` says which; `fields` names the bad inputs).',
    content: errorContent,
  };
  // A 4xx an endpoint names on its own (to say when it happens) is the same error body: a
  // generated client reads the explicit code's schema, not the `4XX` range's.
  for (const [status, answer] of Object.entries(operation.responses as Record<string, Json>)) {
    if (/^4\d\d$/.test(status)) answer.content ??= errorContent;
  }
}
