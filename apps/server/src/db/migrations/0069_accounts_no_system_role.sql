-- Issue #9 (seams9): `system` names the platform itself at work (event handlers, jobs, the demo seed,
-- the command line) in the audit log. No account may carry it, so nobody signs in as the system.
alter table accounts add constraint accounts_role_not_system check (role <> 'system');
