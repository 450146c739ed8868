// SPDX-License-Identifier: MIT
// DuckDB baseline for bench/remap.sh: the same job as bench/pandas_remap.py (the lookup table made
// by `orglineage_bench lookup`, joined on the code and the validity dates, weighted, summed by
// target and period), in SQL, on the cores given.
// Usage: node bench/duckdb_lookup_remap.mjs FIGURES.csv LOOKUP.csv OUT.csv THREADS   (NODE_PATH: the scratch dir)
import { DuckDBInstance } from '@duckdb/node-api';

const [figures, lookup, out, threads] = process.argv.slice(2);
const t0 = performance.now();
const db = await DuckDBInstance.create(':memory:', { threads: String(threads || 2) });
const con = await db.connect();
const q = (s) => s.replaceAll("'", "''");
await con.run(`CREATE TABLE lk AS SELECT * FROM read_csv('${q(lookup)}', header = true,
  columns = {'org_code': 'VARCHAR', 'valid_from': 'DATE', 'valid_until': 'DATE', 'target': 'VARCHAR', 'weight': 'DOUBLE'})`);
const f = `(SELECT org_code, TRY_CAST(period AS DATE) AS day, period,
    TRY_CAST(activity AS DOUBLE) AS activity, TRY_CAST(spend AS DOUBLE) AS spend
  FROM read_csv('${q(figures)}', header = true,
    columns = {'org_code': 'VARCHAR', 'period': 'VARCHAR', 'activity': 'VARCHAR', 'spend': 'VARCHAR'}))`;
const joined = `${f} AS f JOIN lk ON f.org_code = lk.org_code AND f.day >= lk.valid_from AND f.day < lk.valid_until
  WHERE f.activity IS NOT NULL AND f.spend IS NOT NULL`;
await con.run(`COPY (
  SELECT lk.target, f.period, sum(f.activity * lk.weight) AS activity, sum(f.spend * lk.weight) AS spend
  FROM ${joined} GROUP BY lk.target, f.period ORDER BY f.period, lk.target) TO '${q(out)}' (HEADER)`);
const seconds = ((performance.now() - t0) / 1000).toFixed(2);
let counts = '';
if (process.env.COUNT) { // checks only, outside the timed job: rows read and mapped, activity in and out
  const r = await con.runAndReadAll(`SELECT (SELECT count(*) FROM ${f}),
    (SELECT count(DISTINCT (f.org_code, f.period, f.activity, f.spend)) FROM ${joined}),
    (SELECT sum(activity) FROM read_csv('${q(out)}', header = true))`);
  counts = ' ' + r.getRows()[0].map(String).join(' ');
}
console.log(`duckdb seconds=${seconds}${counts}`);
