/**
 * The `claimlens` command: scan, eval, bench — the same engine as the extension, in Node.
 * Exit codes: 0 when every path was processed (even if some files could not be analysed),
 * 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { scan } from './scan';
import type { ClaimContext } from '../lib/engine/types';

export const USAGE = `Usage:
  claimlens scan [--json] [--order-date YYYY-MM-DD] [--delivery-date YYYY-MM-DD] [--claim-date YYYY-MM-DD]
                 [--db FILE] [--ticket ID] [--customer ID] [--order ID] [--serial VALUE | --ocr] PATH...
      --serial VALUE  the serial or order number the photo should show (read on the photo and compared)
      --ocr           read serial-like text on the photo without an expected value
  claimlens eval --manifest FILE.csv [--json] [--write-calibration FILE]
  claimlens bench [--json] [--runs N] [--sizes 0.3,2,12,24] [--out FILE]
  claimlens --help`;

class UsageError extends Error {}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateFlag(name: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!DATE.test(v) || Number.isNaN(Date.parse(v))) throw new UsageError(`--${name} must be a date like 2026-11-25, not "${v}"`);
  return v;
}

async function runScan(args: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      'order-date': { type: 'string' },
      'delivery-date': { type: 'string' },
      'claim-date': { type: 'string' },
      ticket: { type: 'string' },
      customer: { type: 'string' },
      order: { type: 'string' },
      db: { type: 'string' },
      serial: { type: 'string' },
      ocr: { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0) throw new UsageError('scan needs at least one file or folder');
  const serial = values.serial?.trim();
  if (values.serial !== undefined && !/[A-Za-z0-9].*[A-Za-z0-9].*[A-Za-z0-9].*[A-Za-z0-9]/.test(serial ?? '')) {
    throw new UsageError(`--serial needs at least 4 letters or digits, not "${values.serial}"`);
  }
  if (serial && serial.length > 64) throw new UsageError('--serial is longer than 64 characters');
  const context: ClaimContext = {
    helpdesk: 'cli',
    orderDate: dateFlag('order-date', values['order-date']),
    deliveryDate: dateFlag('delivery-date', values['delivery-date']),
    claimDate: dateFlag('claim-date', values['claim-date']),
    ticketId: values.ticket,
    customerId: values.customer,
    orderId: values.order,
    ...(serial ? { serial } : {}),
  };
  await scan(positionals, { json: values.json ?? false, context, db: values.db, ocr: values.ocr ?? false }, out);
  return 0;
}

async function runEval(args: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      manifest: { type: 'string' },
      json: { type: 'boolean', default: false },
      'write-calibration': { type: 'string' },
    },
  });
  if (!values.manifest) throw new UsageError('eval needs --manifest FILE.csv');
  const { evaluate } = await import('./eval');
  await evaluate({ manifest: values.manifest, json: values.json ?? false, writeCalibration: values['write-calibration'] }, out);
  return 0;
}

async function runBench(args: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      runs: { type: 'string', default: '5' },
      sizes: { type: 'string', default: '0.3,2,12,24' },
      out: { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  const sizes = (values.sizes ?? '').split(',').map(Number);
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError('--runs must be a positive whole number');
  if (sizes.some((s) => !(s > 0 && s <= 100))) throw new UsageError('--sizes must be megapixel values between 0 and 100, e.g. 0.3,2,12');
  const { bench } = await import('./bench');
  await bench({ json: values.json ?? false, runs, sizes, out: values.out }, out);
  return 0;
}

export async function main(argv: string[], out: (s: string) => void = (s) => console.log(s)): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'scan':
        return await runScan(rest, out);
      case 'eval':
        return await runEval(rest, out);
      case 'bench':
        return await runBench(rest, out);
      case '--help':
      case '-h':
      case 'help':
        out(USAGE);
        return 0;
      default:
        throw new UsageError(command ? `Unknown command "${command}"` : 'No command given');
    }
  } catch (err) {
    if (err instanceof UsageError || (err as Error).name === 'ManifestError' || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`claimlens: ${(err as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}
