export * from './enums'
export * from './labels'
