import type { Db } from '../db/client';
import { refusedWhenBusy, writeTransaction, type TransactionClient } from '../db/transaction';
import type { EditResult } from './observations';

/** An audited edit in one transaction under the write policy: a write that could not get its turn is refused as busy. */
export function editTransaction(db: Db, run: (tx: TransactionClient) => Promise<EditResult>): Promise<EditResult> {
  return refusedWhenBusy(writeTransaction(db, run));
}
