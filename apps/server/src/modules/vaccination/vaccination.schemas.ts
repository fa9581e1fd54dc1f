// Vaccination's HTTP shapes live in packages/contracts (the web imports the same types).
export * from '@phongdich/contracts/vaccination';
