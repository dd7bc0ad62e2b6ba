import { endpoint, file } from '../endpoint.ts';

export const getOpenApiDocument = endpoint({
  operationId: 'getOpenApiDocument',
  method: 'GET',
  path: '/api/openapi.json',
  tags: ['docs'],
  summary: 'This API described as OpenAPI 3 (generated from the endpoint catalogue)',
  responses: { 200: file('application/json', 'The OpenAPI document') },
  public: true,
});
