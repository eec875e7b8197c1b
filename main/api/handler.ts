import type { z } from 'zod';
import type { contract, Parsed, ProcedureName } from '../../shared/api/index.js';
import type { Ctx } from './context.js';

/** A procedure's implementation: a plain function of its context and its parsed input. */
export type Handler<N extends ProcedureName> = (ctx: Ctx, input: Parsed<N>) => Promise<z.input<(typeof contract)[N]['output']>>;

/** What a domain module contributes: handlers for some of the contract's procedures. */
export type HandlerMap<Names extends ProcedureName> = { [N in Names]: Handler<N> };
