export * from './enums'
export * from './labels'
export * from './utils.index'
