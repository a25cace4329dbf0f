import postgres from 'postgres'

/** Ends every backend of this file's database but the one asking (the app's pools reconnect on their next query). */
export async function terminateBackends(databaseUrl = process.env.DATABASE_URL!) {
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  try {
    const rows = await admin.unsafe(
      `select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
      [new URL(databaseUrl).pathname.slice(1)],
    )
    return rows.filter((r) => r.ended).length
  } finally {
    await admin.end({ timeout: 1 })
  }
}

/** A query run on its own short connection, so a drill can read the database while the app's pool is being cut. */
export async function query<T extends Record<string, unknown>>(
  text: string,
  params: unknown[] = [],
  databaseUrl = process.env.DATABASE_URL!,
) {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  try {
    return (await client.unsafe(text, params as never[])) as unknown as T[]
  } finally {
    await client.end({ timeout: 1 })
  }
}
