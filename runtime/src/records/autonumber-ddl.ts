
/** One counter per app (its schema), entity and autonumber field (by its stable id: a rename keeps counting). */
export const AUTONUMBER_DDL: readonly string[] = [`create table if not exists tessera.autonumber_counters (
  app text not null,
  entity text not null,
  field_id text not null,
  last bigint not null,
  primary key (app, entity, field_id)
)`];
