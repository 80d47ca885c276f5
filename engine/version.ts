// The scoring engine's version, stored with every report; bump it when the same answer can score differently.
export const ENGINE_VERSION = '2.7.0'
