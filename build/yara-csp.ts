/**
 * Vite plugin: makes libyara-wasm runnable under the extension's content security policy
 * (`script-src 'self' 'wasm-unsafe-eval'`), which forbids building functions from strings.
 *
 * The library's Emscripten/embind glue builds two kinds of functions from source text:
 * - createNamedFunction(name, body): `new Function("body", "return function NAME() {…}")`,
 *   a wrapper that only exists to carry a name;
 * - craftInvokerFunction(humanName, argTypes, classType, invoker, fn): source text for each
 *   bound C++ function (convert arguments to wire types, call, run destructors, convert the
 *   result), turned into a function with `new_(Function, …)`.
 * The plugin replaces both with closures that do the same steps at call time, and new_ (only
 * used by the invoker) with a function that throws. It reads the minified helper names it
 * needs (throwBindingError, runDestructors, the destructor property) from the code itself, and
 * fails the build when a pattern is missing or when `new Function`/`Function` construction is
 * still in the output, so a library update cannot silently ship a CSP violation.
 *
 * Register it for worker bundles (`vite.worker.plugins`): the engine runs in the analysis
 * worker, and top-level plugins do not reach worker bundles. Node runs the library unpatched.
 */
import type { Plugin } from 'vite';

const LIBRARY_FILE = /[\\/]libyara-wasm[\\/]dist[\\/]libyara-wasm\.js$/;

/** Index just past the `}` that closes the `{` at `open`, skipping string literals. */
function closingBrace(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === '\\') i++;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  throw new Error('unbalanced braces');
}

/** The whole `function NAME(…){…}` declaration that starts where `head` matches. */
function functionAt(code: string, head: RegExp): { start: number; end: number; text: string; match: RegExpExecArray } {
  const match = head.exec(code);
  if (!match) throw new Error(`pattern not found: ${head.source}`);
  const start = match.index;
  const end = closingBrace(code, code.indexOf('{', start));
  return { start, end, text: code.slice(start, end), match };
}

function capture(text: string, pattern: RegExp, what: string): string {
  const m = pattern.exec(text);
  if (!m) throw new Error(`cannot find ${what}`);
  return m[1];
}

/** Rewrites libyara-wasm's glue so it never constructs functions from strings. */
export function patchYaraGlue(code: string): string {
  // createNamedFunction(name, body) → a closure with the same `this`/arguments forwarding and name.
  const named = functionAt(code, /function (\w+)\((\w+),(\w+)\)\{\2=(\w+)\(\2\);return\(new Function\("body"/);
  const [, namedFn, nameParam, bodyParam, sanitize] = named.match;
  const namedReplacement =
    `function ${namedFn}(${nameParam},${bodyParam}){${nameParam}=${sanitize}(${nameParam});` +
    `var named=function(){"use strict";return ${bodyParam}.apply(this,arguments)};` +
    `Object.defineProperty(named,"name",{value:${nameParam}});return named}`;
  code = code.slice(0, named.start) + namedReplacement + code.slice(named.end);

  // craftInvokerFunction(humanName, argTypes, classType, cppInvokerFunc, cppTargetFunc).
  const invoker = functionAt(code, /function (\w+)\((\w+),(\w+),(\w+),(\w+),(\w+)\)\{var \w+=\3\.length;2>\w+&&\w+\("argTypes array size mismatch/);
  const [, invokerFn, humanName, argTypes, classType, cppInvoker, cppTarget] = invoker.match;
  const throwBindingError = capture(invoker.text, /(\w+)\("argTypes array size mismatch/, 'throwBindingError');
  const runDestructors = capture(invoker.text, new RegExp(`=\\[${throwBindingError},${cppInvoker},${cppTarget},(\\w+),${argTypes}\\[0\\],${argTypes}\\[1\\]\\]`), 'runDestructors');
  const dtor = capture(invoker.text, new RegExp(`void 0===${argTypes}\\[\\w+\\]\\.(\\w+)`), 'the destructor property');
  const invokerReplacement = `function ${invokerFn}(${humanName},${argTypes},${classType},${cppInvoker},${cppTarget}){
var argCount=${argTypes}.length;
if(argCount<2)${throwBindingError}("argTypes array size mismatch! Must at least get return value and 'this' types!");
var isClassMethod=${argTypes}[1]!==null&&${classType}!==null;
var needsDestructorStack=false;
for(var i=1;i<argCount;++i)if(${argTypes}[i]!==null&&${argTypes}[i].${dtor}===undefined){needsDestructorStack=true;break}
var returns=${argTypes}[0].name!=="void";
var expected=argCount-2;
return function(){
if(arguments.length!==expected)${throwBindingError}("function "+${humanName}+" called with "+arguments.length+" arguments, expected "+expected+" args!");
var destructors=needsDestructorStack?[]:null;
var wired=[${cppTarget}];
if(isClassMethod)wired.push(${argTypes}[1].toWireType(destructors,this));
for(var j=0;j<expected;++j)wired.push(${argTypes}[j+2].toWireType(destructors,arguments[j]));
var rv=${cppInvoker}.apply(null,wired);
if(needsDestructorStack)${runDestructors}(destructors);
else for(var k=isClassMethod?1:2;k<argCount;++k){var destroy=${argTypes}[k].${dtor};if(destroy!==null)destroy(wired[isClassMethod?k:k-1])}
if(returns)return ${argTypes}[0].fromWireType(rv);
}}`;
  code = code.slice(0, invoker.start) + invokerReplacement + code.slice(invoker.end);

  // new_(Function, args): no caller is left; keep the name defined, refuse to build code.
  const construct = functionAt(code, /function (\w+)\((\w+)\)\{var \w+=Function;/);
  code = code.slice(0, construct.start) + `function ${construct.match[1]}(){throw new TypeError("building functions from text is disabled in this build")}` + code.slice(construct.end);

  const leftover = /\bnew Function\b|=\s*Function\s*[;,)]|\beval\s*\(/.exec(code);
  if (leftover) throw new Error(`code generation left at offset ${leftover.index}: ${code.slice(leftover.index, leftover.index + 60)}`);
  return code;
}

export function yaraCsp(): Plugin {
  return {
    name: 'claimlens:yara-csp',
    enforce: 'pre',
    transform(code, id) {
      if (!LIBRARY_FILE.test(id.split('?')[0])) return null;
      try {
        return { code: patchYaraGlue(code), map: null };
      } catch (err) {
        this.error(`libyara-wasm could not be made CSP-safe (${err instanceof Error ? err.message : String(err)}); check build/yara-csp.ts against the installed version`);
      }
    },
  };
}
