/** Every service of the platform; each owns the PostgreSQL schema of the same name. */
export const SERVICE_NAMES = ['identity', 'catalog', 'prescriptions', 'inventory', 'orders', 'delivery', 'audit', 'notifications'] as const
export type ServiceName = (typeof SERVICE_NAMES)[number]
