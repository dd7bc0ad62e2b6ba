import { z } from 'zod';

/**
 * The same schema, refusing unknown keys at every level: a typo in a field name must be a
 * 400 that names the field, not a change silently dropped. Objects that already say what to do
 * with other keys (a catch-all) keep it. Descriptions are carried over for the OpenAPI document.
 */
export function strictBody<S extends z.ZodType>(schema: S): S {
  return strict(schema) as S;
}

// biome-ignore lint/suspicious/noExplicitAny: walks zod's own definitions, whose types vary by kind
type Def = Record<string, any>;

function strict(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as Def;
  // Copied with its getters, not through them: a `.default([])` keeps handing each parse a
  // fresh array instead of one shared by every request.
  const next = (changes: Def): Def => {
    const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(def)) as Def;
    for (const [key, value] of Object.entries(changes)) {
      Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return copy;
  };
  let changed: Def | null = null;
  switch (def.type) {
    case 'object': {
      const shape = Object.fromEntries(
        Object.entries(def.shape as Record<string, z.ZodType>).map(([key, value]) => [key, strict(value)]),
      );
      changed = next({ shape, catchall: def.catchall ?? z.never() });
      break;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      changed = next({ innerType: strict(def.innerType) });
      break;
    case 'array':
      changed = next({ element: strict(def.element) });
      break;
    case 'union':
      changed = next({ options: (def.options as z.ZodType[]).map(strict) });
      break;
    case 'intersection':
      changed = next({ left: strict(def.left), right: strict(def.right) });
      break;
    case 'record':
      changed = next({ valueType: strict(def.valueType) });
      break;
    case 'pipe':
      // The output side is what a transform made; only what the caller sent is checked.
      changed = next({ in: strict(def.in) });
      break;
    default:
      return schema;
  }
  const copy = schema.clone(changed as never);
  const meta = z.globalRegistry.get(schema);
  if (meta) z.globalRegistry.add(copy, meta);
  return copy;
}
