// Tests run outside React Server Components; `server-only` would refuse to load there.
export {};
