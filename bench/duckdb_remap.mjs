// The long crosswalk applied in DuckDB by one join (the SQL of docs/crosswalk-and-remap.md).
// node bench/duckdb_remap.mjs FIGURES.csv CROSSWALK.csv OUT.csv   (needs @duckdb/node-api)
import { DuckDBInstance } from '@duckdb/node-api';

const [figures, crosswalk, out] = process.argv.slice(2);
const t0 = performance.now();
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
await con.run(`CREATE TABLE cw AS SELECT * FROM read_csv('${crosswalk}', header = true,
  columns = {'code': 'VARCHAR', 'valid_from': 'DATE', 'valid_to': 'DATE', 'source_id': 'VARCHAR',
             'target_id': 'VARCHAR', 'target_code': 'VARCHAR', 'weight': 'DOUBLE', 'basis': 'VARCHAR',
             'method': 'VARCHAR'}) WHERE weight IS NOT NULL`);
await con.run(`COPY (
  SELECT cw.target_id, f.period, SUM(f.activity * cw.weight) AS activity, SUM(f.spend * cw.weight) AS spend
  FROM (SELECT upper(org_code) AS code, TRY_CAST(period AS DATE) AS period, TRY_CAST(activity AS DOUBLE) AS activity,
               TRY_CAST(spend AS DOUBLE) AS spend
        FROM read_csv('${figures}', header = true, all_varchar = true)) f
  JOIN cw ON f.code = cw.code AND f.period BETWEEN cw.valid_from AND cw.valid_to
  WHERE f.activity IS NOT NULL AND f.spend IS NOT NULL
  GROUP BY ALL ORDER BY f.period, cw.target_id) TO '${out}' (HEADER)`);
const r = await con.runAndReadAll(`SELECT SUM(activity), COUNT(*) FROM read_csv('${out}')`);
const [[total, rows]] = r.getRows();
console.log(`duckdb seconds=${((performance.now() - t0) / 1000).toFixed(3)} output_rows=${rows} activity_total=${Number(total).toFixed(3)}`);
