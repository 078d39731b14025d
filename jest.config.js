/** One jest run for everything: core and CLI tests in Node, pane tests in jsdom (per-file docblock). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { jsx: 'react-jsx', esModuleInterop: true, module: 'CommonJS', moduleResolution: 'Node', resolveJsonModule: true, isolatedModules: true, skipLibCheck: true, strict: true, target: 'ES2020', lib: ['ES2020', 'DOM', 'DOM.Iterable'], types: ['office-js', 'jest', 'node'] } }]
  },
  testTimeout: 120000
};
