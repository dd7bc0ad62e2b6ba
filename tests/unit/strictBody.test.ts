import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { strictBody } from '../../src/server/http/strictBody.ts';

describe('strict request bodies', () => {
  const body = strictBody(
    z
      .object({
        title: z.string().describe('What the topic is'),
        tags: z.array(z.string()).default([]),
        at: z.date().default(() => new Date()),
        anchor: z.object({ start: z.int() }).optional(),
        items: z.array(z.object({ q: z.string() })).optional(),
      })
      .refine((b) => b.title !== 'forbidden', { message: 'Not that one', path: ['title'] }),
  );

  it('refuse an unknown field at every level', () => {
    expect(body.safeParse({ title: 'a', titel: 'b' }).error?.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['titel'],
    });
    expect(body.safeParse({ title: 'a', anchor: { start: 1, end: 2 } }).error?.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      path: ['anchor'],
      keys: ['end'],
    });
    expect(body.safeParse({ title: 'a', items: [{ q: 'x', a: 'y' }] }).success).toBe(false);
  });

  it('keep refinements, descriptions and defaults, each default fresh per parse', () => {
    expect(body.safeParse({ title: 'forbidden' }).error?.issues[0]?.message).toBe('Not that one');
    const first = body.parse({ title: 'a' });
    const second = body.parse({ title: 'b' });
    expect(first.tags).toEqual([]);
    expect(first.tags).not.toBe(second.tags);
    first.tags.push('leak');
    expect(body.parse({ title: 'c' }).tags).toEqual([]);
    expect(first.at).toBeInstanceOf(Date);
    expect(first.at).not.toBe(second.at);
    const shape = (body._zod.def as unknown as { shape: Record<string, z.ZodType> }).shape;
    expect(shape.title?.description).toBe('What the topic is');
  });
});
