#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so the repo needs no build step.
require('tsx/cjs');
require('../src/cli/main.ts');
