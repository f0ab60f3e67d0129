export * from './enums'
export * from './labels'
export * from './utils.index'
export * from './ledger-receipt-code'
