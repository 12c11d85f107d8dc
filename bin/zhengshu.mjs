#!/usr/bin/env node
// The `zhengshu` command: the pipeline's TypeScript run with tsx, as `tsx pipeline/cli.ts` does.
import { register } from 'tsx/esm/api'

register()
await import('../pipeline/cli.ts')
