/**
 * Dev-time only (never imported by the running API): turns the exported types of libs/contracts into
 * OpenAPI 3.0 schemas, so the document's response schemas come from the same TypeScript the portal and the
 * services use. The result is checked in as contract-schemas.generated.ts; contract-schemas.spec.ts
 * regenerates it and fails when it is stale. To refresh it after changing a contract:
 *
 *   npx ts-node -P apps/api/tsconfig.spec.json apps/api/src/openapi/generate-contract-schemas.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import type { SchemaObject } from './schema-object';

const CONTRACTS_INDEX = join(__dirname, '../../../../libs/contracts/src/index.ts');
export const GENERATED_FILE = join(__dirname, 'contract-schemas.generated.ts');

/** Every exported, non-generic interface and type alias of the contracts, as named schemas. */
export function generateContractSchemas(): Record<string, SchemaObject> {
  const program = ts.createProgram([CONTRACTS_INDEX], { strict: true, target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(CONTRACTS_INDEX);
  if (!index) throw new Error(`Cannot read ${CONTRACTS_INDEX}`);
  const moduleSymbol = checker.getSymbolAtLocation(index);
  if (!moduleSymbol) throw new Error('The contracts index exports nothing');

  const named = new Map<string, ts.Type>();
  const descriptions = new Map<string, string>();
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.[0];
    if (!declaration) continue;
    if (ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration)) {
      if (declaration.typeParameters?.length) continue; // Page<T>: instantiated where a route names it.
      named.set(symbol.name, checker.getDeclaredTypeOfSymbol(symbol));
      const description = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
      if (description) descriptions.set(symbol.name, description);
    }
  }
  const converter = new SchemaConverter(checker, named);
  const schemas: Record<string, SchemaObject> = {};
  for (const [name, type] of [...named].sort(([a], [b]) => a.localeCompare(b))) {
    const schema = converter.convert(type, name);
    const description = descriptions.get(name);
    schemas[name] = description ? { ...schema, description } : schema;
  }
  return schemas;
}

class SchemaConverter {
  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly named: Map<string, ts.Type>,
  ) {}

  /** `root` names the schema being written, so it is expanded rather than pointing at itself. */
  convert(type: ts.Type, root?: string): SchemaObject {
    const reference = this.referenceName(type);
    if (reference && reference !== root) return { $ref: `#/components/schemas/${reference}` };

    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (type.flags & ts.TypeFlags.String) return { type: 'string' };
    if (type.flags & ts.TypeFlags.Number) return { type: 'number' };
    if (type.flags & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (type.flags & ts.TypeFlags.BigInt) return { type: 'string' };
    if (type.isStringLiteral()) return { type: 'string', enum: [type.value] };
    if (type.isNumberLiteral()) return { type: 'number', enum: [type.value] };
    if (type.flags & ts.TypeFlags.BooleanLiteral) {
      return { type: 'boolean', enum: [this.checker.typeToString(type) === 'true'] };
    }
    if (type.flags & ts.TypeFlags.Null) return { nullable: true };
    if (type.isUnion()) return this.union(type.types);
    if (type.isIntersection()) return this.object(type);
    if (this.checker.isArrayType(type) || this.checker.isTupleType(type)) return this.array(type);
    if (type.flags & ts.TypeFlags.Object) return this.object(type);
    throw new Error(`No schema for the type ${this.checker.typeToString(type)}`);
  }

  /** A contract's own name when this type is exactly that named, non-generic contract. */
  private referenceName(type: ts.Type): string | undefined {
    const alias = type.aliasSymbol;
    if (alias && !type.aliasTypeArguments?.length && this.named.get(alias.name) === type) return alias.name;
    const symbol = type.getSymbol();
    if (symbol && symbol.flags & ts.SymbolFlags.Interface && this.named.get(symbol.name) === type) {
      return symbol.name;
    }
    return undefined;
  }

  private union(members: ts.Type[]): SchemaObject {
    const nullable = members.some((member) => member.flags & ts.TypeFlags.Null);
    const rest = members.filter((member) => !(member.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    let schema: SchemaObject;
    if (rest.length > 0 && rest.every((member) => member.flags & ts.TypeFlags.BooleanLiteral)) {
      schema = rest.length === 2 ? { type: 'boolean' } : this.convert(rest[0]);
    } else if (rest.length > 0 && rest.every((member) => member.isStringLiteral())) {
      schema = { type: 'string', enum: rest.map((member) => (member as ts.StringLiteralType).value) };
    } else if (rest.length > 0 && rest.every((member) => member.isNumberLiteral())) {
      schema = { type: 'number', enum: rest.map((member) => (member as ts.NumberLiteralType).value) };
    } else if (rest.length === 1) {
      schema = this.convert(rest[0]);
    } else {
      schema = { anyOf: rest.map((member) => this.convert(member)) };
    }
    if (!nullable) return schema;
    if (schema.$ref || schema.anyOf) return { allOf: [schema], nullable: true };
    return { ...schema, nullable: true, ...(schema.enum ? { enum: [...schema.enum, null] } : {}) };
  }

  private array(type: ts.Type): SchemaObject {
    const elements = this.checker.getTypeArguments(type as ts.TypeReference);
    if (this.checker.isTupleType(type)) {
      return {
        type: 'array',
        items:
          elements.length === 1 ? this.convert(elements[0]) : { anyOf: elements.map((e) => this.convert(e)) },
        minItems: elements.length,
        maxItems: elements.length,
      };
    }
    return { type: 'array', items: this.convert(elements[0]) };
  }

  private object(type: ts.Type): SchemaObject {
    const properties: Record<string, SchemaObject> = {};
    const required: string[] = [];
    for (const property of this.checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      const propertyType = declaration
        ? this.checker.getTypeOfSymbolAtLocation(property, declaration)
        : this.checker.getTypeOfSymbol(property);
      if (propertyType.getCallSignatures().length) continue; // methods are not data
      const schema = this.convert(propertyType);
      const description = ts.displayPartsToString(property.getDocumentationComment(this.checker)).trim();
      properties[property.name] = description && !schema.$ref ? { ...schema, description } : schema;
      if (!(property.flags & ts.SymbolFlags.Optional)) required.push(property.name);
    }
    const schema: SchemaObject = { type: 'object', properties };
    if (required.length) schema.required = required;
    const index = this.checker.getIndexInfosOfType(type)[0];
    if (index) schema.additionalProperties = this.convert(index.type);
    return schema;
  }
}

/** Writes the checked-in file, formatted as CI wants (the spec compares its content with a fresh generation). */
export async function writeContractSchemas(): Promise<void> {
  const schemas = generateContractSchemas();
  const text =
    '// Generated by generate-contract-schemas.ts from libs/contracts: do not edit by hand.\n' +
    "import type { SchemaObject } from './schema-object';\n\n" +
    `export const CONTRACT_SCHEMAS: Record<string, SchemaObject> = ${JSON.stringify(schemas, null, 2)};\n`;
  // Loaded only here: prettier imports its plugins dynamically, which Jest (running the spec) cannot.
  const prettier = await import('prettier');
  const options = await prettier.resolveConfig(GENERATED_FILE);
  writeFileSync(GENERATED_FILE, await prettier.format(text, { ...options, filepath: GENERATED_FILE }));
}

if (require.main === module) void writeContractSchemas();
