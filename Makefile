# zhengshu: `make` turns raw/ into output/; `make test` runs the checks.
TSX := node_modules/.bin/tsx
STAMP := node_modules/.package-lock.json

.PHONY: all run test eval bench typecheck clean

all: run

# Installs exactly what package-lock.json pins, only when it is missing or stale.
$(STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $(STAMP)

run: $(STAMP)
	$(TSX) pipeline/cli.ts run --raw raw --out output

test: $(STAMP)
	node_modules/.bin/tsc --noEmit
	node_modules/.bin/vitest run

eval: $(STAMP)
	@$(TSX) pipeline/cli.ts eval --gold tests/gold --raw raw

bench: $(STAMP)
	$(TSX) bench/run.ts

typecheck: $(STAMP)
	node_modules/.bin/tsc --noEmit

clean:
	rm -rf output.tmp-* output.old-* output.cache
	find output -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
