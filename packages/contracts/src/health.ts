/**
 * The liveness probe's answer (load balancers, the national-peak benchmark, operators): the one source
 * of truth for server and clients.
 */
import { Type, type Static } from 'typebox';

export const HealthSchema = Type.Object({ status: Type.Literal('ok'), database: Type.String() });
export type Health = Static<typeof HealthSchema>;
