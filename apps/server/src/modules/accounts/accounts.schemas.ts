// The accounts schemas live in packages/contracts (shared with the web); re-exported for the routes.
export * from '@phongdich/contracts/accounts';
