export const id = 9603;
export const ids = [9603];
export const modules = {

/***/ 98273:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cd: () => (/* binding */ CASES_DIR),
/* harmony export */   Dw: () => (/* binding */ loadPlaybooks),
/* harmony export */   PM: () => (/* binding */ PLAYBOOKS_DIR),
/* harmony export */   V_: () => (/* binding */ checkPlaybooks),
/* harmony export */   p7: () => (/* binding */ isPlaybookFileName)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _config_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96435);
/* harmony import */ var _config_located_yaml_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88703);
/* harmony import */ var _config_schema_problems_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(84035);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65071);
/* harmony import */ var _validation_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(69839);
/* harmony import */ var _catalogue_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(50900);
/* harmony import */ var _compile_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9215);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(61045);
// All the playbooks of a repository: the files playbooks/<id>.yaml and the configuration's inline
// `playbooks:`, checked together (ids are unique across both; the default route must exist) and
// compiled for triage, in the order triage evaluates them.









/** Where playbook files live, relative to the repository root. */
const PLAYBOOKS_DIR = 'playbooks';
/** Where playbook test cases live (cases.ts): beside the playbooks, never read as playbooks. */
const CASES_DIR = `${PLAYBOOKS_DIR}/tests`;
function isPlaybookFileName(name) {
    return /\.ya?ml$/.test(name);
}
function fileDefinition({ file, text }, problems) {
    let yaml;
    try {
        yaml = (0,_config_located_yaml_js__WEBPACK_IMPORTED_MODULE_2__/* .parseLocatedYaml */ .vJ)(text, file);
    }
    catch (error) {
        if (!(error instanceof _config_located_yaml_js__WEBPACK_IMPORTED_MODULE_2__/* .YamlError */ .Iz))
            throw error;
        problems.push((0,_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .problemAt */ .l4)(error.at, error.what));
        return undefined;
    }
    if (yaml.value === null || yaml.value === undefined) {
        problems.push((0,_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .fileProblem */ .Wj)(file, 'is empty: a playbook file holds one playbook'));
        return undefined;
    }
    const validate = (0,_validation_js__WEBPACK_IMPORTED_MODULE_5__/* .playbookValidator */ .S)();
    if (!validate(yaml.value)) {
        for (const error of validate.errors ?? []) {
            const problem = (0,_config_schema_problems_js__WEBPACK_IMPORTED_MODULE_3__/* .schemaProblem */ .Zg)(error, _config_config_js__WEBPACK_IMPORTED_MODULE_1__/* .PATTERN_PHRASES */ .yI, 'the playbook');
            if (problem)
                problems.push((0,_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .problemAt */ .l4)(yaml.locate(problem.path, problem.key), problem.what));
        }
        return undefined;
    }
    const id = yaml.value.id;
    const stem = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.basename)(file).replace(/\.ya?ml$/, '');
    if (stem !== id) {
        problems.push((0,_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .problemAt */ .l4)(yaml.locate(['id']), `playbook "${id}" is in ${(0,node_path__WEBPACK_IMPORTED_MODULE_0__.basename)(file)}: its file must be named ${id}.yaml, one playbook per file`));
    }
    return { source: { yaml, base: [] }, value: yaml.value };
}
/**
 * Checks and compiles the playbooks of `files` and of the configuration, reporting every problem
 * (warnings too). Playbooks come back in evaluation order: ascending priority, then id.
 */
function checkPlaybooks(files, config, catalogue = (0,_catalogue_js__WEBPACK_IMPORTED_MODULE_6__/* .shippedCatalogue */ .RY)()) {
    const problems = [];
    const definitions = [];
    // Inline playbooks that do not fit the schema are the configuration's own problems, reported by it.
    const inline = config?.yaml?.value?.playbooks;
    if (config?.yaml && Array.isArray(inline)) {
        for (const [index, value] of inline.entries()) {
            const validate = (0,_validation_js__WEBPACK_IMPORTED_MODULE_5__/* .playbookValidator */ .S)();
            if (validate(value))
                definitions.push({ source: { yaml: config.yaml, base: ['playbooks', index] }, value });
        }
    }
    for (const file of files) {
        const definition = fileDefinition(file, problems);
        if (definition)
            definitions.push(definition);
    }
    // Without a configuration, its defaults; a configuration with problems reports them itself.
    const settings = config === undefined ? (0,_config_config_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultSettings */ .L6)() : config.settings;
    const environments = settings?.orchestrator.approval_environments;
    const compiled = [];
    const firstAt = new Map();
    for (const { source, value } of definitions) {
        const idAt = source.yaml.locate([...source.base, 'id']);
        const first = firstAt.get(value.id);
        if (first === undefined)
            firstAt.set(value.id, idAt.where);
        else
            problems.push((0,_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .problemAt */ .l4)(idAt, `duplicate playbook id "${value.id}" (first at ${first})`));
        const result = (0,_compile_js__WEBPACK_IMPORTED_MODULE_7__/* .compilePlaybook */ .F)(value, source, catalogue, environments);
        problems.push(...result.problems);
        if (result.playbook)
            compiled.push(result.playbook);
    }
    const fallback = config?.settings?.triage.default_playbook;
    if (config && fallback !== undefined && fallback !== null && !firstAt.has(fallback)) {
        const written = config.yaml?.value
            ?.triage?.default_playbook;
        const guess = (0,_config_schema_problems_js__WEBPACK_IMPORTED_MODULE_3__/* .closestOf */ .P9)(fallback, firstAt.keys());
        const hint = guess ? ` (did you mean "${guess}"?)` : '';
        if (config.yaml && written !== undefined) {
            problems.push((0,_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .problemAt */ .l4)(config.yaml.locate(['triage', 'default_playbook']), `triage.default_playbook "${fallback}" is not a playbook${hint}`));
        }
        else {
            problems.push((0,_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .fileProblem */ .Wj)(config.origin, `triage.default_playbook is "${fallback}" by default, which is not a playbook: add ${PLAYBOOKS_DIR}/${fallback}.yaml, or set triage.default_playbook (null routes nowhere)`));
        }
    }
    // A budget on a name the catalogue lacks would count nothing and hold nothing back.
    for (const [index, budget] of (config?.settings?.orchestrator.budgets ?? []).entries()) {
        const spec = catalogue.get(budget.action);
        if (!config?.yaml || (spec && spec.runs === budget.action))
            continue;
        if (spec) {
            problems.push((0,_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .problemAt */ .l4)(config.yaml.locate(['orchestrator', 'budgets', index, 'action']), `orchestrator.budgets[${index}].action "${budget.action}" stands for "${spec.runs}": name that, so that steps naming either count`));
            continue;
        }
        const guess = (0,_config_schema_problems_js__WEBPACK_IMPORTED_MODULE_3__/* .closestOf */ .P9)(budget.action, catalogue.names);
        problems.push((0,_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .problemAt */ .l4)(config.yaml.locate(['orchestrator', 'budgets', index, 'action']), `orchestrator.budgets[${index}].action "${budget.action}" is not a catalogue action${guess ? ` (did you mean "${guess}"?)` : ''}: the budget would never count anything`));
    }
    const playbooks = compiled.sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { playbooks, problems: problems.sort(_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .compareProblems */ .im) };
}
/**
 * The repository's playbooks, for triage: playbooks/*.yaml of `files` and the configuration's inline
 * ones, compiled and in evaluation order. Throws an InputError (file:line:col) at the first error.
 */
async function loadPlaybooks(files, config, catalogue = (0,_catalogue_js__WEBPACK_IMPORTED_MODULE_6__/* .shippedCatalogue */ .RY)()) {
    const names = (await files.list(PLAYBOOKS_DIR)).filter(isPlaybookFileName);
    const texts = [];
    for (const name of names) {
        const file = `${PLAYBOOKS_DIR}/${name}`;
        const text = await files.readText(file);
        if (text !== undefined)
            texts.push({ file, text });
    }
    const { playbooks, problems } = checkPlaybooks(texts, config, catalogue);
    const error = problems.find((problem) => problem.severity === 'error');
    if (error)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`${error.file}:${error.line}:${error.col}`, error.message);
    return playbooks;
}
//# sourceMappingURL=load.js.map

/***/ }),

/***/ 20055:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NZ: () => (/* binding */ gitRefFiles),
/* harmony export */   gZ: () => (/* binding */ MAX_FILE_BYTES),
/* harmony export */   rk: () => (/* binding */ workingTreeFiles)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(65071);
/* harmony import */ var _store_git_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(43060);
// The files of a repository as configuration is read from them: the working tree, or the tree of a
// commit (`irac replay --compare REF` loads the configuration and playbooks as they were at REF).
// Read-only. Paths are relative to the repository root, '/'-separated, and never leave it.





/** Larger than any playbook or configuration by far; a file is read whole before parsing. */
const MAX_FILE_BYTES = 1024 * 1024;
/** Refuses a path that could leave the repository: absolute, `..`, empty or odd segments. */
function checkedPath(path) {
    const segments = path.split('/');
    if (path === '' ||
        segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(path, 'is not a path inside the repository');
    }
    return path;
}
function decoded(bytes, path) {
    if (bytes.length > MAX_FILE_BYTES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(path, `is ${bytes.length} bytes; the limit is ${MAX_FILE_BYTES}`);
    }
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(path, 'is not UTF-8 text');
    }
}
/**
 * `path` under `root` and what lstat says of it, when no segment of it is a symbolic link; undefined
 * when it, or a directory on the way, does not exist. Every segment is looked at, not only the last:
 * `intel -> /etc` would otherwise make `intel/passwd` an ordinary file, and readdir follows a linked
 * directory without a word.
 */
async function unlinkedPath(root, path) {
    const segments = path.split('/');
    let info;
    for (let i = 1; i <= segments.length; i++) {
        const through = segments.slice(0, i).join('/');
        try {
            info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, through));
        }
        catch (error) {
            const code = error.code;
            if (code === 'ENOENT' || code === 'ENOTDIR')
                return undefined;
            throw error;
        }
        if (info.isSymbolicLink()) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(path, i === segments.length
                ? 'is a symbolic link; irac reads only files'
                : `${through} is a symbolic link; irac reads only files inside the repository`);
        }
    }
    return info && { full: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, path), info };
}
/**
 * The working tree under `root`. A symbolic link, to a file or to a directory on the way to one, is
 * refused rather than followed: it could point anywhere on the runner, and what a workflow reads must
 * be what the repository holds.
 */
function workingTreeFiles(root) {
    return {
        async readText(path) {
            const found = await unlinkedPath(root, checkedPath(path));
            if (found === undefined)
                return undefined;
            // Checked before opening: opening a FIFO would wait for a writer for ever.
            if (!found.info.isFile())
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(path, 'is not a file');
            if (found.info.size > MAX_FILE_BYTES) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(path, `is ${found.info.size} bytes; the limit is ${MAX_FILE_BYTES}`);
            }
            let handle;
            try {
                // O_NOFOLLOW: a link put in place after the check above is refused by the kernel (ELOOP).
                handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(found.full, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW);
            }
            catch (error) {
                const code = error.code;
                if (code === 'ENOENT')
                    return undefined;
                if (code === 'ELOOP')
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(path, 'is a symbolic link; irac reads only files');
                throw error;
            }
            try {
                // decoded() checks the size again: the file may have grown since lstat.
                return decoded(await handle.readFile(), path);
            }
            finally {
                await handle.close();
            }
        },
        async list(dir) {
            const found = await unlinkedPath(root, checkedPath(dir));
            if (found === undefined)
                return [];
            try {
                const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(found.full, { withFileTypes: true });
                return entries
                    .filter((entry) => entry.isFile())
                    .map((entry) => entry.name)
                    .sort();
            }
            catch (error) {
                const code = error.code;
                if (code === 'ENOENT' || code === 'ENOTDIR')
                    return [];
                throw error;
            }
        },
    };
}
/** One ls-tree line: `<mode> SP <type> SP <sha> SP <size> TAB <name>`. */
const TREE_LINE = /^(\d{6}) (\w+) ([0-9a-f]+) +(-|\d+)\t(.*)$/s;
/**
 * The tree of the commit `ref` names, in the repository at `root`. Throws an InputError when `ref`
 * names no commit. Symbolic links and submodules are not files here either.
 */
async function gitRefFiles(root, ref) {
    // Paths are names, never patterns.
    const git = new _store_git_js__WEBPACK_IMPORTED_MODULE_4__/* .Git */ .TU(root, { GIT_LITERAL_PATHSPECS: '1' });
    const commit = await git.resolveCommit(ref);
    if (commit === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(ref, 'names no commit in this repository');
    const entries = async (path) => {
        const out = await git.output(['ls-tree', '-z', '-l', '--full-tree', commit, '--', path]);
        return out
            .split('\0')
            .filter(Boolean)
            .flatMap((line) => {
            const match = TREE_LINE.exec(line);
            return match
                ? [
                    {
                        mode: match[1],
                        type: match[2],
                        sha: match[3],
                        size: match[4],
                        name: match[5],
                    },
                ]
                : [];
        });
    };
    return {
        async readText(path) {
            const [entry] = await entries(checkedPath(path));
            if (!entry || entry.name !== path)
                return undefined;
            if (entry.type !== 'blob' || entry.mode === '120000') {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`${ref}:${path}`, 'is not a file');
            }
            if (Number(entry.size) > MAX_FILE_BYTES) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`${ref}:${path}`, `is ${entry.size} bytes; the limit is ${MAX_FILE_BYTES}`);
            }
            return decoded(await blob(git, entry.sha), `${ref}:${path}`);
        },
        async list(dir) {
            const prefix = `${checkedPath(dir)}/`;
            return (await entries(prefix))
                .filter((entry) => entry.type === 'blob' && entry.mode !== '120000' && entry.name.startsWith(prefix))
                .map((entry) => entry.name.slice(prefix.length))
                .filter((name) => !name.includes('/'))
                .sort();
        },
    };
}
/** A blob's bytes as stored: read raw, so that text which is not UTF-8 is refused, not mangled. */
function blob(git, sha) {
    return new Promise((resolve, reject) => {
        const child = git.spawn(['cat-file', 'blob', sha]);
        const chunks = [];
        child.stdout.on('data', (chunk) => chunks.push(chunk));
        child.on('error', reject);
        child.on('close', (code) => {
            if (code === 0)
                resolve(Buffer.concat(chunks));
            else
                reject(new Error(`git cat-file blob ${sha} exited with ${code}`));
        });
        child.stdin.end();
    });
}
//# sourceMappingURL=repo-files.js.map

/***/ }),

/***/ 25028:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sZ: () => (/* binding */ fileAssetProvider),
  Et: () => (/* binding */ loadAssetRegistry)
});

// UNUSED EXPORTS: assetMatchOf

// EXTERNAL MODULE: ./lib/src/config/located-yaml.js
var located_yaml = __webpack_require__(88703);
// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(65071);
// EXTERNAL MODULE: ./lib/src/triage/enrichment/repo.js
var repo = __webpack_require__(84557);
// EXTERNAL MODULE: ./lib/src/triage/enrichment/schemas.js
var schemas = __webpack_require__(74585);
// EXTERNAL MODULE: ./lib/src/triage/enrichment/subject.js
var enrichment_subject = __webpack_require__(16125);
;// CONCATENATED MODULE: ./lib/src/triage/enrichment/glob.js
// Wildcard patterns over identifiers: `arn:aws:iam::123456789012:role/orders-*`, `i-0abc*`,
// `payments/*`. `*` is any run of characters (none too, `/` and `:` included: an ARN is not a path),
// `?` is one character, `\` takes the next character as it is; letters match either case.
//
// Why not picomatch or another regex-compiling glob library: their path semantics (`*` stops at `/`,
// `**` only as a whole segment, `?` never `/`) do not fit ARNs, and a regex with several stars
// backtracks polynomially. The identifiers come from events, that is from an attacker: measured with
// picomatch, `*a*a*a*ab` against a 512-character identifier blocks the event loop for 23 seconds, and no
// timeout can interrupt a running regex. The matcher below never backtracks more than to the last star,
// so a match costs at most (pattern length × identifier length) steps.
/** Characters, not UTF-16 units: `?` is one character, also outside the Basic Multilingual Plane. */
function characters(text) {
    return Array.from(text.toLowerCase());
}
function tokenize(pattern) {
    const tokens = [];
    const chars = characters(pattern);
    for (let i = 0; i < chars.length; i++) {
        const c = chars[i];
        if (c === '\\' && i + 1 < chars.length) {
            tokens.push({ kind: 'char', c: chars[++i] });
        }
        else if (c === '*') {
            // `**` is `*`: consecutive stars add nothing but work.
            if (tokens.at(-1)?.kind !== 'star')
                tokens.push({ kind: 'star' });
        }
        else if (c === '?') {
            tokens.push({ kind: 'one' });
        }
        else {
            tokens.push({ kind: 'char', c });
        }
    }
    return tokens;
}
/** Compiles `pattern` once; matching is then case-insensitive and linear in each input. */
function compileGlob(pattern) {
    const tokens = tokenize(pattern);
    const wild = tokens.some((t) => t.kind !== 'char');
    const literal = wild ? undefined : tokens.map((t) => (t.kind === 'char' ? t.c : '')).join('');
    return {
        pattern,
        literal,
        matches(identifier) {
            const text = characters(identifier);
            if (literal !== undefined)
                return text.join('') === literal;
            return matchTokens(tokens, text);
        },
    };
}
/**
 * The classic wildcard walk: on a mismatch, go back to the last star and let it swallow one more
 * character. Earlier stars never need revisiting, since a later star can absorb whatever they would.
 */
function matchTokens(tokens, text) {
    let p = 0;
    let t = 0;
    let star = -1;
    let starText = 0;
    while (t < text.length) {
        const token = tokens[p];
        if (token !== undefined && (token.kind === 'one' || (token.kind === 'char' && token.c === text[t]))) {
            p++;
            t++;
        }
        else if (token?.kind === 'star') {
            star = p++;
            starText = t;
        }
        else if (star >= 0) {
            p = star + 1;
            t = ++starText;
        }
        else {
            return false;
        }
    }
    while (tokens[p]?.kind === 'star')
        p++;
    return p === tokens.length;
}
//# sourceMappingURL=glob.js.map
;// CONCATENATED MODULE: ./lib/src/triage/enrichment/assets/registry.js
// The asset registry in memory: every entry's patterns compiled once, identifiers without wildcards in
// a Map (most patterns are exact ARNs or instance ids), and the answer per identifier remembered, since
// replay asks about the same few resources thousands of times.

const MEMO_CAPACITY = 50_000;
class AssetRegistry {
    assets;
    exact = new Map();
    wild = [];
    memo = new Map();
    constructor(assets) {
        this.assets = assets;
        for (const [index, { entry }] of assets.entries()) {
            for (const written of entry.match) {
                const { pattern, type } = typeof written === 'string' ? { pattern: written, type: undefined } : written;
                const rule = {
                    asset: index,
                    glob: compileGlob(pattern),
                    type: type ? compileGlob(type) : undefined,
                };
                const literal = rule.glob.literal;
                if (literal === undefined)
                    this.wild.push(rule);
                else
                    this.exact.set(literal, [...(this.exact.get(literal) ?? []), rule]);
            }
        }
    }
    /** The rules `identifier` satisfies, exact ones first, in registry order within each. */
    rulesFor(identifier) {
        const key = `${identifier.type ?? ''}\u0000${identifier.text}`;
        const known = this.memo.get(key);
        if (known)
            return known;
        const applies = (rule) => rule.type === undefined || (identifier.type !== undefined && rule.type.matches(identifier.type));
        const exact = this.exact.get(identifier.text.toLowerCase()) ?? [];
        const found = [
            ...exact.filter(applies),
            ...this.wild.filter((rule) => applies(rule) && rule.glob.matches(identifier.text)),
        ];
        if (this.memo.size >= MEMO_CAPACITY)
            this.memo.clear();
        this.memo.set(key, found);
        return found;
    }
    /**
     * The assets the identifiers belong to, one match per asset (its first identifier, an exact pattern
     * before a wildcard), in registry order.
     */
    lookup(identifiers) {
        const byAsset = new Map();
        for (const identifier of identifiers) {
            for (const rule of this.rulesFor(identifier)) {
                const exact = rule.glob.literal !== undefined;
                const seen = byAsset.get(rule.asset);
                if (seen && (seen.exact || !exact))
                    continue;
                const asset = this.assets[rule.asset];
                byAsset.set(rule.asset, { match: { asset, identifier, pattern: rule.glob.pattern }, exact });
            }
        }
        return [...byAsset.entries()].sort(([a], [b]) => a - b).map(([, { match }]) => match);
    }
}
//# sourceMappingURL=registry.js.map
;// CONCATENATED MODULE: ./lib/src/triage/enrichment/assets/files.js
// The asset registry kept in the repository (`asset_registry` with a `path`): assets/*.yaml, reviewed
// in pull requests like the playbooks. Read once per process; a file that does not parse or fit the
// schema is reported at its line and column, and leaves the provider degraded rather than triage stopped.






const YAML_FILE = /\.ya?ml$/;
/** Reads and checks every file of the registry at `path`; throws an InputError at the first problem. */
async function loadAssetRegistry(files, path) {
    const assets = [];
    const firstAt = new Map();
    for (const file of await (0,repo/* filesAt */.Tl)(files, path, (name) => YAML_FILE.test(name))) {
        const text = (await files.readText(file)) ?? '';
        const yaml = (0,located_yaml/* parseLocatedYaml */.vJ)(text, file);
        // A file of comments only holds no asset yet.
        if (yaml.value === null || yaml.value === undefined)
            continue;
        const registry = (0,schemas/* validatedYaml */.aJ)(yaml, (0,schemas/* assetFileValidator */.Hd)(), 'the asset registry file');
        for (const [index, entry] of registry.assets.entries()) {
            const at = yaml.locate(['assets', index, 'id']).where;
            const first = firstAt.get(entry.id);
            if (first !== undefined)
                throw new errors/* InputError */.dz(at, `asset "${entry.id}" is already defined at ${first}`);
            firstAt.set(entry.id, at);
            assets.push({ entry, at: yaml.locate(['assets', index]).where });
        }
    }
    return new AssetRegistry(assets);
}
/** A registry match as triage records it. */
function assetMatchOf(match, source) {
    const { entry, at } = match.asset;
    return {
        id: entry.id,
        ...(entry.owner !== undefined && { owner: entry.owner }),
        ...(entry.environment !== undefined && { environment: entry.environment }),
        criticality: entry.criticality,
        compliance: entry.compliance ?? [],
        matched: {
            identifier: match.identifier.text,
            ...(match.identifier.type !== undefined && { type: match.identifier.type }),
            pattern: match.pattern,
        },
        source,
        ...(at !== undefined && { at }),
    };
}
function fileAssetProvider(options) {
    const name = `asset_registry ${options.path}`;
    return {
        name,
        kind: 'asset',
        timeoutMs: options.timeoutMs,
        ...(0,repo/* loadedOnce */.bZ)(options.files, `assets\u0000${options.path}`, () => loadAssetRegistry(options.files, options.path), (registry, subject) => ({
            assets: registry.lookup((0,enrichment_subject/* identifiersOf */.Sd)(subject)).map((match) => assetMatchOf(match, name)),
        })),
    };
}
//# sourceMappingURL=files.js.map

/***/ }),

/***/ 89684:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ik: () => (/* binding */ fileIntelProvider),
  c3: () => (/* binding */ loadIntelFeeds)
});

// UNUSED EXPORTS: hitsOf, parsePlainFeed, parseYamlFeed

// EXTERNAL MODULE: ./lib/src/config/located-yaml.js
var located_yaml = __webpack_require__(88703);
// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(65071);
// EXTERNAL MODULE: ./lib/src/triage/enrichment/repo.js
var repo = __webpack_require__(84557);
// EXTERNAL MODULE: ./lib/src/triage/enrichment/schemas.js
var schemas = __webpack_require__(74585);
// EXTERNAL MODULE: ./lib/src/triage/enrichment/ip.js
var ip = __webpack_require__(54628);
;// CONCATENATED MODULE: ./lib/src/triage/enrichment/intel/index.js
// Threat-intel entries indexed for lookup in constant time per indicator, however long the feeds:
// networks by prefix length (an address is masked once per prefix length the feeds use, then looked up
// in a Map), domains by each of their suffixes (sub.evil.example finds evil.example), URLs, hashes and
// email addresses by their normalized text. A URL also finds its host, an email address its domain.

/** The most entries one indicator reports: overlapping feeds do not make a decision longer. */
const MAX_ENTRIES_PER_INDICATOR = 8;
const HASH_LENGTHS = { md5: 32, sha1: 40, sha256: 64 };
const LABEL = '[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?';
// At least two labels, and a top-level label that is not all digits: `10.1` or `0x0a.0.0.1` is an
// address in a lenient parser's eyes, never a domain.
const DOMAIN = new RegExp(`^(?=.{1,253}$)(?:${LABEL}\\.)+(?![0-9]+$)${LABEL}$`);
const EMAIL = /^[^\s@]{1,64}@([^\s@]{1,253})$/;
/** A domain in the form entries and indicators are compared in, or undefined when it is not one. */
function normalDomain(text) {
    const domain = text.toLowerCase().replace(/\.$/, '');
    return DOMAIN.test(domain) ? domain : undefined;
}
/** A URL as WHATWG parsing writes it (lower-case scheme and host, default port dropped), or undefined. */
function normalUrl(text) {
    if (text.length > 2048 || !/^[a-z][a-z0-9+.-]*:\/\//i.test(text))
        return undefined;
    try {
        return new URL(text);
    }
    catch {
        return undefined;
    }
}
/** A hash in lower case when `text` is one of `type`'s length, else undefined. */
function normalHash(text, type) {
    const length = HASH_LENGTHS[type];
    return length !== undefined && text.length === length && /^[0-9a-f]+$/i.test(text)
        ? text.toLowerCase()
        : undefined;
}
function normalEmail(text) {
    const match = EMAIL.exec(text.toLowerCase());
    const domain = match?.[1] === undefined ? undefined : normalDomain(match[1]);
    return match && domain !== undefined ? { address: match[0], domain } : undefined;
}
/** What a feed entry is, from its form: undefined when it is none of the known kinds. */
function entryTypeOf(text) {
    if ((0,ip/* parseAddress */.or)(text))
        return 'ip';
    if ((0,ip/* parseNetwork */.MO)(text))
        return 'cidr';
    if (normalUrl(text))
        return 'url';
    for (const type of ['md5', 'sha1', 'sha256'])
        if (normalHash(text, type))
            return type;
    if (normalEmail(text))
        return 'email';
    if (normalDomain(text.replace(/^\*\./, '')))
        return 'domain';
    return undefined;
}
class IntelIndex {
    networks = new Map();
    /** Per address family, the prefix lengths some entry uses, longest first. */
    prefixes = { ipv4: [], ipv6: [] };
    exact = new Map();
    size;
    /** Refuses (RangeError) an entry whose value is not of its type: the feed parsers check first. */
    constructor(entries) {
        for (const entry of entries)
            this.add(entry);
        this.size = entries.length;
        this.prefixes.ipv4.sort((a, b) => b - a);
        this.prefixes.ipv6.sort((a, b) => b - a);
    }
    add(entry) {
        const push = (map, key) => {
            const list = map.get(key);
            if (list)
                list.push(entry);
            else
                map.set(key, [entry]);
        };
        const refuse = () => new RangeError(`${entry.at}: ${JSON.stringify(entry.value)} is not a ${entry.type}`);
        switch (entry.type) {
            case 'ip':
            case 'cidr': {
                const address = (0,ip/* parseAddress */.or)(entry.value);
                const network = address
                    ? { address, prefix: address.kind() === 'ipv4' ? 32 : 128 }
                    : (0,ip/* parseNetwork */.MO)(entry.value);
                if (!network || (entry.type === 'ip') !== (address !== undefined))
                    throw refuse();
                const family = network.address.kind();
                if (!this.prefixes[family].includes(network.prefix))
                    this.prefixes[family].push(network.prefix);
                push(this.networks, (0,ip/* networkKey */.q2)(network.address, network.prefix));
                return;
            }
            case 'domain': {
                const domain = normalDomain(entry.value.replace(/^\*\./, ''));
                if (domain === undefined)
                    throw refuse();
                push(this.exact, `domain\u0000${domain}`);
                return;
            }
            case 'url': {
                const url = normalUrl(entry.value);
                if (!url)
                    throw refuse();
                push(this.exact, `url\u0000${url.href}`);
                return;
            }
            case 'email': {
                const email = normalEmail(entry.value);
                if (!email)
                    throw refuse();
                push(this.exact, `email\u0000${email.address}`);
                return;
            }
            default: {
                const hash = normalHash(entry.value, entry.type);
                if (hash === undefined)
                    throw refuse();
                push(this.exact, `hash\u0000${hash}`);
            }
        }
    }
    address(address) {
        const found = [];
        for (const prefix of this.prefixes[address.kind()]) {
            found.push(...(this.networks.get((0,ip/* networkKey */.q2)(address, prefix)) ?? []));
        }
        return found;
    }
    domain(domain) {
        const found = [];
        let suffix = domain;
        for (;;) {
            found.push(...(this.exact.get(`domain\u0000${suffix}`) ?? []));
            const dot = suffix.indexOf('.');
            if (dot < 0)
                return found;
            suffix = suffix.slice(dot + 1);
        }
    }
    host(host) {
        const bare = host.startsWith('[') ? host.slice(1, -1) : host;
        const address = (0,ip/* parseAddress */.or)(bare);
        if (address)
            return this.address(address);
        const domain = normalDomain(bare);
        return domain === undefined ? [] : this.domain(domain);
    }
    /** The entries `indicator` matches, most specific first, at most a few. */
    lookup(indicator) {
        let found = [];
        switch (indicator.type) {
            case 'ip': {
                const address = (0,ip/* parseAddress */.or)(indicator.value);
                found = address ? this.address(address) : [];
                break;
            }
            case 'domain': {
                const domain = normalDomain(indicator.value);
                found = domain === undefined ? [] : this.domain(domain);
                break;
            }
            case 'url': {
                const url = normalUrl(indicator.value);
                found = url ? [...(this.exact.get(`url\u0000${url.href}`) ?? []), ...this.host(url.hostname)] : [];
                break;
            }
            case 'email': {
                const email = normalEmail(indicator.value);
                found = email
                    ? [...(this.exact.get(`email\u0000${email.address}`) ?? []), ...this.domain(email.domain)]
                    : [];
                break;
            }
            default: {
                const hash = normalHash(indicator.value, indicator.type);
                found = hash === undefined ? [] : (this.exact.get(`hash\u0000${hash}`) ?? []);
            }
        }
        return found.slice(0, MAX_ENTRIES_PER_INDICATOR);
    }
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./lib/src/triage/enrichment/intel/feeds.js
// Threat-intel feeds kept in the repository (`threat_intel` with a `path`), in two forms:
//
// - plain lists, as Spamhaus DROP, abuse.ch and FireHOL publish them (*.txt, *.list, *.netset,
//   *.ipset): one IP address, CIDR block, domain, URL, hash or email address per line; `#` and `;`
//   start a comment at the beginning of a line or after a space, and a trailing comment becomes the
//   entry's note (`1.10.16.0/20 ; SBL256894`). Every entry scores 1 unless a `# irac-score: 0.6` line
//   before the first entry says otherwise.
// - YAML feeds (*.yaml, schemas/intel-feed.schema.json): per-indicator type, score and note.
//
// Other files (a README) are not feeds. Every line must be understood: a feed that is half read would
// look like a feed that knows nothing.





const YAML_FEED = /\.ya?ml$/;
const PLAIN_FEED = /\.(txt|list|netset|ipset)$/;
const SCORE_DIRECTIVE = /^#\s*irac-score:\s*(\S+)\s*$/;
/** A comment: `#` or `;` at the start of the line or after whitespace. */
const COMMENT = /(?:^|\s)[#;]/;
const TYPE_WORDS = 'an IP address, CIDR block, domain, URL, MD5/SHA-1/SHA-256 hash or email address';
function scoreOf(text, where) {
    const score = Number(text);
    if (text === '' || !Number.isFinite(score) || score < 0 || score > 1) {
        throw new errors/* InputError */.dz(where, `irac-score must be a number from 0 to 1, not ${JSON.stringify(text)}`);
    }
    return score;
}
/** The entries of a plain list; `file` is the name messages give (`intel/drop.txt`). */
function parsePlainFeed(text, file) {
    const entries = [];
    let score = 1;
    for (const [index, raw] of text.split('\n').entries()) {
        const where = `${file}:${index + 1}`;
        const line = raw.replace(/\r$/, '');
        const directive = SCORE_DIRECTIVE.exec(line.trim());
        if (directive) {
            if (entries.length > 0)
                throw new errors/* InputError */.dz(where, 'irac-score must come before the first entry');
            score = scoreOf(directive[1] ?? '', where);
            continue;
        }
        const comment = COMMENT.exec(line);
        const content = (comment ? line.slice(0, comment.index) : line).trim();
        if (content === '')
            continue;
        const value = content.split(/\s+/)[0] ?? '';
        const type = entryTypeOf(value);
        if (type === undefined) {
            throw new errors/* InputError */.dz(where, `${JSON.stringify(value.slice(0, 100))} is not ${TYPE_WORDS}`);
        }
        const note = comment
            ? line
                .slice(comment.index)
                .replace(/^\s*[#;]\s*/, '')
                .trim()
            : '';
        entries.push({ type, value, score, at: where, ...(note !== '' && { note: note.slice(0, 512) }) });
    }
    return entries;
}
/** True when `value` is an entry of `type` (a CIDR block also counts as written with type ip). */
function fits(value, type) {
    const actual = entryTypeOf(value);
    return actual === type || (type === 'cidr' && actual === 'ip') || (type === 'ip' && actual === 'cidr');
}
/** The entries of a YAML feed; `file` is the name messages give. */
function parseYamlFeed(text, file) {
    const yaml = (0,located_yaml/* parseLocatedYaml */.vJ)(text, file);
    if (yaml.value === null || yaml.value === undefined)
        return [];
    const feed = (0,schemas/* validatedYaml */.aJ)(yaml, (0,schemas/* intelFeedValidator */.x1)(), 'the feed');
    return feed.indicators.map((indicator, index) => {
        const where = yaml.locate(['indicators', index, 'value']).where;
        const detected = entryTypeOf(indicator.value);
        if (indicator.type !== undefined && !fits(indicator.value, indicator.type)) {
            throw new errors/* InputError */.dz(where, `indicators[${index}].value ${JSON.stringify(indicator.value)} is not a ${indicator.type}`);
        }
        // A declared `ip` with a block is the block; a declared `cidr` with one address is that address.
        const type = detected === 'ip' || detected === 'cidr' ? detected : (indicator.type ?? detected);
        if (type === undefined) {
            throw new errors/* InputError */.dz(where, `indicators[${index}].value ${JSON.stringify(indicator.value)} is not ${TYPE_WORDS}`);
        }
        return {
            type,
            value: indicator.value,
            score: indicator.score ?? feed.score ?? 1,
            at: where,
            ...(indicator.note !== undefined && { note: indicator.note }),
        };
    });
}
/** Reads and indexes every feed at `path`; throws an InputError at the first problem. */
async function loadIntelFeeds(files, path) {
    const entries = [];
    const feeds = await (0,repo/* filesAt */.Tl)(files, path, (name) => YAML_FEED.test(name) || PLAIN_FEED.test(name));
    for (const file of feeds) {
        const text = (await files.readText(file)) ?? '';
        // One by one: a feed of 100 000 entries spread into push() would overflow the stack.
        for (const entry of YAML_FEED.test(file) ? parseYamlFeed(text, file) : parsePlainFeed(text, file)) {
            entries.push(entry);
        }
    }
    return new IntelIndex(entries);
}
/** The hits of `indicators` in `index`, named after the provider `source`. */
function hitsOf(index, indicators, source) {
    return indicators.flatMap((indicator) => index.lookup(indicator).map((entry) => ({
        type: indicator.type,
        value: indicator.value,
        score: entry.score,
        source,
        matched: entry.value,
        at: entry.at,
        ...(entry.note !== undefined && { detail: entry.note }),
    })));
}
function fileIntelProvider(options) {
    const name = `threat_intel ${options.path}`;
    return {
        name,
        kind: 'intel',
        timeoutMs: options.timeoutMs,
        ...(0,repo/* loadedOnce */.bZ)(options.files, `intel\u0000${options.path}`, () => loadIntelFeeds(options.files, options.path), (index, subject) => ({ hits: hitsOf(index, subject.indicators, name) })),
    };
}
//# sourceMappingURL=feeds.js.map

/***/ }),

/***/ 54628:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kk: () => (/* binding */ isInternalAddress),
/* harmony export */   MO: () => (/* binding */ parseNetwork),
/* harmony export */   or: () => (/* binding */ parseAddress),
/* harmony export */   q2: () => (/* binding */ networkKey)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77030);
/* harmony import */ var ipaddr_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48280);
// IP addresses and networks as enrichment reads them: strictly (no `127.1`, no `0x7f.0.0.1`, which
// inet_aton and ipaddr.js's lenient parser accept), IPv4-mapped IPv6 seen as the IPv4 address it carries,
// and a fixed list of the ranges whose addresses never leave for a third party — checked as well on the
// IPv4 address that NAT64, 6to4, Teredo, ISATAP and the other IPv6 wrappings carry.


/** The address `text` spells, or undefined. */
function parseAddress(text) {
    // Zone ids (fe80::1%eth0) name an interface of the host that saw them: no feed lists one.
    if (text.length > 64 || text.includes('%') || (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(text) === 0)
        return undefined;
    return ipaddr_js__WEBPACK_IMPORTED_MODULE_1__.process(text);
}
/** The network `text` spells (`198.51.100.0/24`, `2001:db8::/32`), or undefined. */
function parseNetwork(text) {
    const slash = text.indexOf('/');
    if (slash < 0)
        return undefined;
    const bits = text.slice(slash + 1);
    if (!/^(0|[1-9][0-9]{0,2})$/.test(bits))
        return undefined;
    if (text.length > 70 || text.includes('%') || (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(text.slice(0, slash)) === 0)
        return undefined;
    const address = ipaddr_js__WEBPACK_IMPORTED_MODULE_1__.parse(text.slice(0, slash));
    const prefix = Number(bits);
    if (prefix > (address.kind() === 'ipv4' ? 32 : 128))
        return undefined;
    if (address instanceof ipaddr_js__WEBPACK_IMPORTED_MODULE_1__.IPv6 && address.isIPv4MappedAddress() && prefix >= 96) {
        return { address: address.toIPv4Address(), prefix: prefix - 96 };
    }
    return { address, prefix };
}
/**
 * A key for the network of `address` at `prefix` bits: equal for every address inside it. Host bits
 * are cleared, so `198.51.100.7/24` and `198.51.100.0/24` are the same network.
 */
function networkKey(address, prefix) {
    const bytes = address.toByteArray();
    let key = address.kind() === 'ipv4' ? '4/' : '6/';
    key += `${prefix}/`;
    for (let i = 0; i < bytes.length; i++) {
        const keep = Math.max(0, Math.min(8, prefix - i * 8));
        const mask = keep === 0 ? 0 : (0xff << (8 - keep)) & 0xff;
        key += (bytes[i] & mask).toString(16).padStart(2, '0');
    }
    return key;
}
// Addresses that say something about the inside of the network and nothing about an attacker:
// private (RFC 1918), shared (CGNAT, RFC 6598), loopback, link-local, unique-local (RFC 4193),
// unspecified, multicast, broadcast and reserved. Documentation ranges (192.0.2.0/24, 198.51.100.0/24,
// 203.0.113.0/24, 2001:db8::/32) are not here: they reveal nothing, and the samples and drills use them.
const NEVER_SENT = [
    '0.0.0.0/8',
    '10.0.0.0/8',
    '100.64.0.0/10',
    '127.0.0.0/8',
    '169.254.0.0/16',
    '172.16.0.0/12',
    '192.0.0.0/24',
    '192.168.0.0/16',
    '198.18.0.0/15',
    '224.0.0.0/4',
    '240.0.0.0/4',
    '::/128',
    '::1/128',
    '64:ff9b:1::/48',
    '100::/64',
    'fc00::/7',
    'fe80::/10',
    'fec0::/10',
    'ff00::/8',
].map((cidr) => ipaddr_js__WEBPACK_IMPORTED_MODULE_1__.parseCIDR(cidr));
// The standard ways an IPv6 address carries an IPv4 one, and the byte where that address starts:
// `64:ff9b::a01:203` is 10.1.2.3 through NAT64 and says as much about the inside of a network.
const WRAPPED_IPV4 = [
    { network: ipaddr_js__WEBPACK_IMPORTED_MODULE_1__.parseCIDR('::/96'), at: 12 }, // IPv4-compatible (RFC 4291, deprecated)
    { network: ipaddr_js__WEBPACK_IMPORTED_MODULE_1__.parseCIDR('::ffff:0:0/96'), at: 12 }, // IPv4-mapped (RFC 4291)
    { network: ipaddr_js__WEBPACK_IMPORTED_MODULE_1__.parseCIDR('::ffff:0:0:0/96'), at: 12 }, // IPv4-translated (RFC 2765)
    { network: ipaddr_js__WEBPACK_IMPORTED_MODULE_1__.parseCIDR('64:ff9b::/96'), at: 12 }, // NAT64 well-known prefix (RFC 6052)
    { network: ipaddr_js__WEBPACK_IMPORTED_MODULE_1__.parseCIDR('2002::/16'), at: 2 }, // 6to4 (RFC 3056)
    { network: ipaddr_js__WEBPACK_IMPORTED_MODULE_1__.parseCIDR('2001::/32'), at: 4 }, // Teredo server (RFC 4380)
    { network: ipaddr_js__WEBPACK_IMPORTED_MODULE_1__.parseCIDR('2001::/32'), at: 12, inverted: true }, // Teredo client, bits inverted
];
/** The IPv4 addresses `address` carries inside it, by the forms above and ISATAP's interface id. */
function wrappedIPv4(address) {
    const bytes = address.toByteArray();
    const ipv4At = (at, inverted = false) => new ipaddr_js__WEBPACK_IMPORTED_MODULE_1__.IPv4(bytes.slice(at, at + 4).map((byte) => (inverted ? byte ^ 0xff : byte)));
    const found = WRAPPED_IPV4.filter(({ network: [network, bits] }) => address.match(network, bits)).map(({ at, inverted }) => ipv4At(at, inverted));
    // ISATAP (RFC 5214): any prefix, then an interface id of 0000:5efe or 0200:5efe and the IPv4 address.
    if (((bytes[8] ?? 1) & 0xfd) === 0 && bytes[9] === 0 && bytes[10] === 0x5e && bytes[11] === 0xfe) {
        found.push(ipv4At(12));
    }
    return found;
}
/**
 * True when the address belongs to the inside of a network (or to none) and must not be sent out; an
 * IPv6 address also when an IPv4 address it carries does.
 */
function isInternalAddress(address) {
    const listed = NEVER_SENT.some(([network, bits]) => address.kind() === network.kind() && address.match(network, bits));
    return listed || (address instanceof ipaddr_js__WEBPACK_IMPORTED_MODULE_1__.IPv6 && wrappedIPv4(address).some(isInternalAddress));
}
//# sourceMappingURL=ip.js.map

/***/ }),

/***/ 84557:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tl: () => (/* binding */ filesAt),
/* harmony export */   bZ: () => (/* binding */ loadedOnce)
/* harmony export */ });
/* unused harmony export loadOnce */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65071);
// Registries and feeds kept in the repository: which files a configured path names, and loading them
// once. Replay triages thousands of incidents; each must not read and parse the files again.

/**
 * The files a registry or feed path names, as repository paths: the file itself, or the files directly
 * in the directory that `keep` accepts. A directory without files is empty; a path to nothing is a mistake.
 */
async function filesAt(files, path, keep) {
    const names = await files.list(path);
    if (names.length > 0)
        return names.filter(keep).map((name) => `${path}/${name}`);
    try {
        if ((await files.readText(path)) === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(path, 'no such file or directory');
    }
    catch (error) {
        // A directory is not a file to read: here, one without files.
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz && error.what === 'is not a file')
            return [];
        throw error;
    }
    return [path];
}
const loaded = new WeakMap();
/**
 * What `load` makes of the files under `key` in `files`, made on first use and kept as long as `files`
 * is (one engine, one replay), failure included: every lookup then reports the same problem without
 * reading the files again.
 */
function loadOnce(files, key, load) {
    let cache = loaded.get(files);
    if (cache === undefined) {
        cache = new Map();
        loaded.set(files, cache);
    }
    let result = cache.get(key);
    if (result === undefined) {
        result = load();
        result.catch(() => undefined);
        cache.set(key, result);
    }
    return result;
}
/**
 * A source read from the repository once and then answered from memory: `lookup` loads it on first
 * use; `lookupNow` answers without waiting once it is loaded (and fails as `lookup` would when loading
 * failed).
 */
function loadedOnce(files, key, load, answer) {
    let state;
    return {
        async lookup(subject) {
            try {
                const value = await loadOnce(files, key, load);
                state = { value };
                return answer(value, subject);
            }
            catch (error) {
                state = { error };
                throw error;
            }
        },
        lookupNow(subject) {
            if (state === undefined)
                return undefined;
            if ('error' in state)
                throw state.error;
            return answer(state.value, subject);
        },
    };
}
//# sourceMappingURL=repo.js.map

/***/ }),

/***/ 74585:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hd: () => (/* binding */ assetFileValidator),
/* harmony export */   aJ: () => (/* binding */ validatedYaml),
/* harmony export */   lq: () => (/* binding */ assetAnswerValidator),
/* harmony export */   mr: () => (/* binding */ answerProblem),
/* harmony export */   x1: () => (/* binding */ intelFeedValidator)
/* harmony export */ });
/* harmony import */ var _config_schema_problems_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(84035);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65071);
/* harmony import */ var _generated_readable_validators_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(31484);
// Validators for the files enrichment reads (assets/*.yaml, intel/*.yaml) and for what an HTTP asset
// registry answers, compiled ahead of time. Errors come back as sentences at the place to fix: a file's
// line and column, or the path inside an answer.



// Compiled ahead of time with every error, each with the schema it broke (see src/validation.ts).
const assetFileValidator = () => _generated_readable_validators_js__WEBPACK_IMPORTED_MODULE_2__/* .assetFile */ .fh;
const assetAnswerValidator = () => _generated_readable_validators_js__WEBPACK_IMPORTED_MODULE_2__/* .assetAnswer */ .Xr;
const intelFeedValidator = () => _generated_readable_validators_js__WEBPACK_IMPORTED_MODULE_2__/* .intelFeed */ .Pq;
const PHRASES = {
    assetId: 'an id of letters, digits and . _ : / - (at most 128 characters)',
    tag: 'a word of letters, digits and . _ - (at most 64 characters)',
    pattern: 'a pattern without control characters (at most 512 characters)',
    text: 'text without control characters (at most 512 characters)',
    note: 'text without control characters (at most 512 characters)',
    value: 'an indicator without spaces or control characters',
    type: 'a resource type like "aws.ec2.instance" or "k8s.*"',
};
/**
 * The YAML document checked against `validate`: the value, typed, or an InputError at the first
 * problem in file order (`assets/aws.yaml:12:7: assets[3].criticality must be at most 1, not 7`).
 */
function validatedYaml(yaml, validate, root) {
    if (validate(yaml.value))
        return yaml.value;
    const problems = (validate.errors ?? [])
        .flatMap((error) => (0,_config_schema_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .schemaProblem */ .Zg)(error, PHRASES, root) ?? [])
        .map((problem) => ({ at: yaml.locate(problem.path, problem.key), what: problem.what }))
        .sort((a, b) => a.at.offset - b.at.offset);
    const first = problems[0];
    if (!first)
        throw new Error('the schema refused the file without saying why');
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(first.at.where, first.what);
}
/** The first problem with an answer, as a sentence: `assets[0].criticality must be at most 1, not 7`. */
function answerProblem(validate) {
    for (const error of validate.errors ?? []) {
        const problem = (0,_config_schema_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .schemaProblem */ .Zg)(error, PHRASES, 'the answer');
        if (problem)
            return problem.what;
    }
    return 'the answer does not fit the contract';
}
//# sourceMappingURL=schemas.js.map

/***/ }),

/***/ 16125:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sd: () => (/* binding */ identifiersOf),
/* harmony export */   et: () => (/* binding */ subjectOf)
/* harmony export */ });
/* unused harmony export SUBJECT_LIMITS */
// The subject of enrichment: what an incident's events name, in one place. An incident can hold
// thousands of events that name the same few things; the subject holds each thing once, first seen
// first, and stops at a bound so that a flood of events cannot make every lookup slower.
const SUBJECT_LIMITS = { resources: 256, accounts: 64, actors: 64, indicators: 512 };
/** An ordered set with a capacity: later additions past it are dropped. */
class BoundedSet {
    capacity;
    byKey = new Map();
    constructor(capacity) {
        this.capacity = capacity;
    }
    add(key, value) {
        if (this.byKey.size < this.capacity && !this.byKey.has(key))
            this.byKey.set(key, value);
    }
    values() {
        return [...this.byKey.values()];
    }
}
function resourceKey(resource) {
    return [resource.type ?? '', resource.id, resource.arn ?? '', resource.name ?? ''].join('\u0000');
}
/** The subject of the incident `events` make up. Events of one incident share their fingerprint. */
function subjectOf(events) {
    const [first] = events;
    if (first === undefined)
        throw new RangeError('an incident has at least one event');
    const resources = new BoundedSet(SUBJECT_LIMITS.resources);
    const accounts = new BoundedSet(SUBJECT_LIMITS.accounts);
    const actors = new BoundedSet(SUBJECT_LIMITS.actors);
    const indicators = new BoundedSet(SUBJECT_LIMITS.indicators);
    for (const event of events) {
        const typed = event.resources.map(({ type, id, arn, name }) => ({
            type,
            id,
            ...(arn !== undefined && { arn }),
            ...(name !== undefined && { name }),
        }));
        // The primary resource is usually one of the typed ones, by ARN or id; alone, it is still a name.
        if (!typed.some((r) => r.arn === event.resource || r.id === event.resource)) {
            resources.add(resourceKey({ id: event.resource }), { id: event.resource });
        }
        for (const resource of typed)
            resources.add(resourceKey(resource), resource);
        if (event.account !== undefined)
            accounts.add(event.account, event.account);
        if (event.actor !== undefined)
            actors.add(event.actor, event.actor);
        for (const { type, value } of event.indicators)
            indicators.add(`${type}\u0000${value}`, { type, value });
    }
    return {
        resources: resources.values(),
        accounts: accounts.values(),
        actors: actors.values(),
        indicators: indicators.values(),
        fingerprint: first.fingerprint,
    };
}
/** Every identifier of the subject an asset registry can match: ids, ARNs, names, accounts. */
function identifiersOf(subject) {
    const seen = new Set();
    const found = [];
    const add = (text, type) => {
        if (text === undefined || text === '')
            return;
        const key = `${type ?? ''}\u0000${text}`;
        if (seen.has(key))
            return;
        seen.add(key);
        found.push(type === undefined ? { text } : { text, type });
    };
    for (const resource of subject.resources) {
        add(resource.arn, resource.type);
        add(resource.id, resource.type);
        add(resource.name, resource.type);
    }
    for (const account of subject.accounts)
        add(account, 'account');
    return found;
}
//# sourceMappingURL=subject.js.map

/***/ })

};
