// The ground floor: reference data every layer and the browser may import. Nothing here
// imports drizzle, a database driver or any module outside db/reference (ESLint enforces it).
export * from './credit-code'
export * from './enums'
export * from './taxonomy'
export * from './outcomes'
export * from './divisions'
