import { mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import ts from 'typescript'
import { afterAll, describe, expect, it, vi } from 'vitest'

// STYLE.md asks for a runnable example on every exported API. This test holds the package to it: it lists
// every export of both entry points (and the public methods of exported classes), requires an @example in
// its JSDoc, and runs each example as a module importing '@yangguang/ledger' like a user would.

const SRC = join(import.meta.dirname, '..', 'src')
const ENTRIES = [join(SRC, 'index.ts'), join(SRC, 'node.ts')]
const OUT = join(import.meta.dirname, '..', '.tmp', 'doc-examples')

interface Documented {
  name: string
  examples: string[]
}

function collect(): Documented[] {
  const program = ts.createProgram(ENTRIES, { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, moduleResolution: ts.ModuleResolutionKind.Bundler })
  const checker = program.getTypeChecker()
  const seen = new Map<string, Documented>()
  const examplesOf = (node: ts.Node) =>
    ts
      .getJSDocTags(node)
      .filter((tag) => tag.tagName.text === 'example')
      .map((tag) => ts.getTextOfJSDocComment(tag.comment) ?? '')
  for (const entry of ENTRIES) {
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
      for (const declaration of symbol.declarations ?? []) {
        const node = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration
        seen.set(exported.name, { name: exported.name, examples: [...(seen.get(exported.name)?.examples ?? []), ...examplesOf(node)] })
        if (!ts.isClassDeclaration(declaration)) continue
        for (const member of declaration.members) {
          const isPublicMethod = ts.isMethodDeclaration(member) && !member.name.getText().startsWith('#') && !(ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Private)
          if (isPublicMethod) seen.set(`${exported.name}.${member.name.getText()}`, { name: `${exported.name}.${member.name.getText()}`, examples: examplesOf(member) })
        }
      }
    }
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name))
}

const documented = collect()
mkdirSync(OUT, { recursive: true })
afterAll(() => {
  rmSync(OUT, { recursive: true, force: true })
  if (readdirSync(join(OUT, '..')).length === 0) rmdirSync(join(OUT, '..'))
})

describe('documentation examples', () => {
  it('exist for every exported API of @yangguang/ledger and @yangguang/ledger/node', () => {
    expect(documented.length).toBeGreaterThan(100)
    expect(documented.filter((api) => api.examples.length === 0).map((api) => api.name)).toEqual([])
  })

  for (const api of documented) {
    api.examples.forEach((example, i) => {
      it(`${api.name} example ${i + 1} runs`, async () => {
        const file = join(OUT, `${api.name.replace(/\W/g, '_')}-${i}.ts`)
        writeFileSync(file, `${example}\nexport {}\n`)
        const log = vi.spyOn(console, 'log').mockImplementation(() => {})
        try {
          await import(pathToFileURL(file).href)
        } finally {
          log.mockRestore()
        }
      })
    })
  }
})
