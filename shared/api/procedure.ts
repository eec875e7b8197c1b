import type { z } from 'zod';
import type { Role } from '../roles.js';

/**
 * One entry of the API contract. `roles: 'public'` is for the few calls a person makes
 * before signing in (first-run setup, login, session state); every other procedure names
 * the roles allowed to call it, and the transports refuse everyone else.
 *
 * `kind` tells the dispatcher how to run it: a `query` reads; a `mutation` runs inside one
 * transaction that must write an audit row; `self-managed` handles its own transactions
 * (login must record a failed attempt even though it answers with an error).
 */
export interface ProcedureDef<N extends string = string, I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  name: N;
  roles: readonly Role[] | 'public';
  kind: 'query' | 'mutation' | 'self-managed';
  /** Largest request body the HTTP transport accepts, when more than the default 1 MB (uploads). */
  bodyLimit?: number;
  input: I;
  output: O;
}

export function procedure<const N extends string, I extends z.ZodType, O extends z.ZodType>(
  def: ProcedureDef<N, I, O>,
): ProcedureDef<N, I, O> {
  return def;
}
