/**
 * Public surface of the accounts module: the only file other modules (and app.ts) may import.
 * Accounts: staff and citizen accounts, sign-in, sessions' account side, one-time codes. Owns tables: accounts, api_tokens, otp_codes, password_guesses.
 */
export { accountsRoutes } from './accounts.routes';
export { authRoutes } from './auth.routes';
export { findAccountByUsername, foldedSql, foldForAccountSearch, insertAccount } from './accounts.repository';
export { sealTotpSecret } from './totp-secret';
export { accountPhones, areaOfficerIds, communeOfficerPhones } from './accounts.officer-phones';
export { citizenAccountLink, linkCitizenAccount, repointCitizenAccounts } from './accounts.person-link';
export { accountPhone, activeStaffAccountId, citizenAccountsByPhone } from './accounts.lookup';
