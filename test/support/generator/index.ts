/**
 * A deterministic generator of realistic data (Kazakh and Russian names, valid IINs, addresses,
 * complaints with real deadlines, cases with applications, hearings, intakes and wheelchair checks)
 * for tests, screenshots and the benchmark (bench/). Same seed, same data.
 */
export * from './register';
export * from './caseload';
