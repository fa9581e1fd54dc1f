import type { Db } from '../core/db/db';

/**
 * Makes every audit insert of one action fail (a trigger raising an error), to show that the change it
 * records is rolled back with it. Returns the undo. Test-only; the action name is a test constant.
 */
export async function failAuditOf(db: Db, action: string): Promise<() => Promise<void>> {
  if (!/^[a-zA-Z.]+$/.test(action)) throw new Error('action names only');
  const fn = `fail_audit_${action.replace(/\./g, '_')}`;
  await db.exec(`
    create or replace function ${fn}() returns trigger language plpgsql as $$
    begin
      if new.action = '${action}' then raise exception 'audit insert refused (test)'; end if;
      return new;
    end $$;
    create trigger ${fn} before insert on audit_log for each row execute function ${fn}();
  `);
  return async () => {
    await db.exec(`drop trigger ${fn} on audit_log; drop function ${fn}();`);
  };
}
