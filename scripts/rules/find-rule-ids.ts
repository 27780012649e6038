// Finds the rule ids the source emits, by reading the TypeScript syntax of every source file, so
// the registry test and `npm run schema` notice a rule that is emitted but not registered.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

/** One rule id literal in the source. */
export interface RuleIdUse {
  id: string
  /** Path relative to the project root. */
  file: string
  line: number
}

/** The folders whose code emits diagnostics. */
export const emittingFolders = ['core', 'io', 'plugins', 'integration', 'check']

/** Rule ids are kebab-case nouns with at least one hyphen (`unknown-section`). */
const ruleIdShape = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/

/**
 * Names of properties, parameters, variables and types that hold rule ids
 * (`ruleId`, `staleSectionRuleId`, `SectionRuleId`, `sectionRuleIds`). A bare
 * `rule` is not enough: the reference engine calls the steps of its
 * resolution order rules too (`'title-hint'`).
 */
const ruleName = /^(?:ruleId|\w*RuleIds?)$/

/** A parameter or property whose declared type is a rule-id type (`rule: SectionRuleId`). */
function hasRuleIdType(node: { type?: ts.TypeNode | undefined }): boolean {
  const type = node.type
  if (!type) return false
  const names = ts.isUnionTypeNode(type) ? type.types : [type]
  return names.some(
    (part) =>
      ts.isTypeReferenceNode(part) &&
      ts.isIdentifier(part.typeName) &&
      /RuleId$/.test(part.typeName.text),
  )
}

/**
 * Every rule id literal in the `.ts` files under `folders`: string literals
 * (and literal types) given to something named like a rule id:
 *
 * - a property `ruleId: 'x'` (also behind `?:`, `??`, `as`);
 * - a variable or type named `…RuleId(s)` (`staleSectionRuleId = 'x'`,
 *   `type SectionRuleId = 'x' | 'y'`, `sectionRuleIds = [...]`), or a
 *   property named `ruleId` with literal types;
 * - an argument to a parameter named `ruleId` or typed `…RuleId` of a
 *   function declared in any scanned file (`unresolved('ambiguous-section', …)`
 *   with `rule: SectionRuleId`).
 *
 * Purely syntactic, so it is fast and needs no type-checking.
 */
export function findRuleIdUses(projectRoot: string, folders = emittingFolders): RuleIdUse[] {
  const files = folders.flatMap((folder) => listTypeScript(join(projectRoot, folder)))
  const sources = files.map((file) =>
    ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true),
  )
  // Function name -> index of each parameter named like a rule id, across all files.
  const ruleParameters = new Map<string, number[]>()
  for (const source of sources) {
    const visit = (node: ts.Node): void => {
      const declared = declaredFunction(node)
      if (declared) {
        const indexes = declared.parameters.flatMap((parameter, index) =>
          (ts.isIdentifier(parameter.name) && ruleName.test(parameter.name.text)) ||
          hasRuleIdType(parameter)
            ? [index]
            : [],
        )
        if (indexes.length > 0) ruleParameters.set(declared.name, indexes)
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }

  const uses: RuleIdUse[] = []
  for (const source of sources) {
    const file = relative(projectRoot, source.fileName).split('\\').join('/')
    const add = (literal: ts.Node, text: string) => {
      if (!ruleIdShape.test(text)) return
      const { line } = source.getLineAndCharacterOfPosition(literal.getStart(source))
      uses.push({ id: text, file, line: line + 1 })
    }
    const collect = (node: ts.Node | undefined) => {
      if (!node) return
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        add(node, node.text)
      } else if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) {
        add(node.literal, node.literal.text)
      } else if (
        ts.isParenthesizedExpression(node) ||
        ts.isAsExpression(node) ||
        ts.isSatisfiesExpression(node)
      ) {
        collect(node.expression)
      } else if (ts.isParenthesizedTypeNode(node)) {
        collect(node.type)
      } else if (ts.isConditionalExpression(node)) {
        collect(node.whenTrue)
        collect(node.whenFalse)
      } else if (ts.isBinaryExpression(node)) {
        collect(node.left)
        collect(node.right)
      } else if (ts.isUnionTypeNode(node)) {
        node.types.forEach(collect)
      } else if (ts.isArrayLiteralExpression(node)) {
        node.elements.forEach(collect)
      }
    }
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && ruleName.test(propertyName(node.name))) {
        collect(node.initializer)
      } else if (ts.isPropertySignature(node) && ruleName.test(propertyName(node.name))) {
        collect(node.type)
      } else if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        ruleName.test(node.name.text)
      ) {
        collect(node.initializer)
      } else if (ts.isTypeAliasDeclaration(node) && ruleName.test(node.name.text)) {
        collect(node.type)
      } else if (ts.isCallExpression(node)) {
        const callee = calleeName(node.expression)
        for (const index of (callee && ruleParameters.get(callee)) || []) {
          collect(node.arguments[index])
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return uses
}

function declaredFunction(
  node: ts.Node,
): { name: string; parameters: ts.NodeArray<ts.ParameterDeclaration> } | undefined {
  if (ts.isFunctionDeclaration(node) && node.name) {
    return { name: node.name.text, parameters: node.parameters }
  }
  if (
    ts.isVariableDeclaration(node) &&
    ts.isIdentifier(node.name) &&
    node.initializer &&
    (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
  ) {
    return { name: node.name.text, parameters: node.initializer.parameters }
  }
  if (ts.isMethodDeclaration(node) && ts.isIdentifier(node.name)) {
    return { name: node.name.text, parameters: node.parameters }
  }
  return undefined
}

function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text
  return undefined
}

function propertyName(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : ''
}

function listTypeScript(folder: string): string[] {
  let entries
  try {
    entries = readdirSync(folder, { withFileTypes: true })
  } catch {
    return []
  }
  return entries.flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listTypeScript(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}
