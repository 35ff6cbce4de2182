export const id = 5756;
export const ids = [5756];
export const modules = {

/***/ 5756:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lint: () => (/* binding */ lint)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _config_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(96435);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(65071);
/* harmony import */ var _triage_enrichment_assets_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(25028);
/* harmony import */ var _triage_enrichment_intel_feeds_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(89684);
/* harmony import */ var _load_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(98273);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(61045);
/* harmony import */ var _repo_files_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(20055);
// `irac lint`: every problem in the configuration and the playbooks at once, each at its line, so that
// a pull request shows all of them in one run. Warnings point at what will rot (an expired suppression,
// a playbook nobody owns) without failing the check. By default it also loads the asset registry and
// intel feeds the configuration names, as triage would: a broken one would only leave every decision
// degraded, which nobody sees until an incident.









/** A suppression expiring sooner than this is worth a warning: someone must renew it or let it go. */
const EXPIRY_WARNING_MS = 7 * 86_400_000;
/** A file's text, or the problem that keeps it from being read. */
async function readText(path, shown) {
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(path, 'r');
    }
    catch (error) {
        const code = error.code;
        return (0,_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .fileProblem */ .Wj)(shown, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})`);
    }
    try {
        const info = await handle.stat();
        if (!info.isFile())
            return (0,_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .fileProblem */ .Wj)(shown, 'is not a file');
        if (info.size > _repo_files_js__WEBPACK_IMPORTED_MODULE_7__/* .MAX_FILE_BYTES */ .gZ)
            return (0,_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .fileProblem */ .Wj)(shown, `is ${info.size} bytes; the limit is ${_repo_files_js__WEBPACK_IMPORTED_MODULE_7__/* .MAX_FILE_BYTES */ .gZ}`);
        try {
            return new TextDecoder('utf-8', { fatal: true }).decode(await handle.readFile());
        }
        catch {
            return (0,_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .fileProblem */ .Wj)(shown, 'is not UTF-8 text');
        }
    }
    finally {
        await handle.close();
    }
}
/** playbooks/tests/ under any directory: test cases, not playbooks (`irac test` checks them). */
function isCasesDir(path) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(path).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).slice(-2).join('/') === _load_js__WEBPACK_IMPORTED_MODULE_6__/* .CASES_DIR */ .Cd;
}
/** The YAML files under a directory, depth first and sorted; symbolic links are not followed. */
async function yamlFilesUnder(dir) {
    const found = [];
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, entry.name);
        if (entry.isDirectory() && !isCasesDir(path))
            found.push(...(await yamlFilesUnder(path)));
        else if (entry.isFile() && (0,_load_js__WEBPACK_IMPORTED_MODULE_6__/* .isPlaybookFileName */ .p7)(entry.name))
            found.push(path);
    }
    return found;
}
/** playbooks/*.yaml under the root: what triage loads. */
async function playbooksIn(root) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, _load_js__WEBPACK_IMPORTED_MODULE_6__/* .PLAYBOOKS_DIR */ .PM);
    try {
        const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, { withFileTypes: true });
        return entries
            .filter((entry) => entry.isFile() && (0,_load_js__WEBPACK_IMPORTED_MODULE_6__/* .isPlaybookFileName */ .p7)(entry.name))
            .map((entry) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, entry.name))
            .sort();
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return [];
        throw error;
    }
}
/** The files `paths` name: files as given, directories as the YAML files under them. */
async function expand(paths) {
    const files = [];
    for (const path of paths) {
        let info;
        try {
            info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(path);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(path, 'no such file or directory');
        }
        if (info.isDirectory())
            files.push(...(await yamlFilesUnder(path)));
        else
            files.push(path);
    }
    return [...new Set(files.map((file) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(file)))];
}
function suppressionWarnings(config, now) {
    const rules = config.settings?.triage.suppressions ?? [];
    const warnings = [];
    for (const [index, rule] of rules.entries()) {
        const left = (0,_config_config_js__WEBPACK_IMPORTED_MODULE_2__/* .expiryMs */ .yt)(rule.expires) - now.getTime();
        const at = config.yaml?.locate(['triage', 'suppressions', index, 'expires']);
        if (!at)
            continue;
        if (left <= 0) {
            warnings.push((0,_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .problemAt */ .l4)(at, `suppression "${rule.id}" expired on ${rule.expires}: it suppresses nothing any more; renew it (owner: ${rule.owner}) or remove it`, 'warning'));
        }
        else if (left <= EXPIRY_WARNING_MS) {
            const days = Math.ceil(left / 86_400_000);
            warnings.push((0,_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .problemAt */ .l4)(at, `suppression "${rule.id}" expires on ${rule.expires}, in ${days} day${days === 1 ? '' : 's'}: renew it (owner: ${rule.owner}) or let it lapse`, 'warning'));
        }
    }
    return warnings;
}
/** The loaders of the enrichment sources kept in the repository, which triage runs on first lookup. */
const ENRICHMENT_LOADERS = {
    asset_registry: _triage_enrichment_assets_files_js__WEBPACK_IMPORTED_MODULE_4__/* .loadAssetRegistry */ .Et,
    threat_intel: _triage_enrichment_intel_feeds_js__WEBPACK_IMPORTED_MODULE_5__/* .loadIntelFeeds */ .c3,
};
/** `file:line:col`, or `file:line` (plain feeds): where the loaders' errors put a problem in a file. */
const LOCATED = /^(.+?):(\d+)(?::(\d+))?$/;
/**
 * What loading a source threw, as a problem: at its line in the file that has it, at the file for a
 * file it will not read (not UTF-8, too large), and at the source's `path` in the configuration
 * for the path itself (nothing there, a directory it cannot list).
 */
function enrichmentProblem(error, root, config, source) {
    const code = error.code;
    if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz) && code === undefined)
        throw error;
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz) {
        const [, file, line, col = '1'] = LOCATED.exec(error.where) ?? [];
        if (file !== undefined) {
            const at = { file: (0,_config_config_js__WEBPACK_IMPORTED_MODULE_2__/* .shownPath */ .pS)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, file)), line: Number(line), col: Number(col) };
            return { ...at, severity: 'error', message: error.what };
        }
        if (error.where.startsWith(`${source.path}/`))
            return (0,_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .fileProblem */ .Wj)((0,_config_config_js__WEBPACK_IMPORTED_MODULE_2__/* .shownPath */ .pS)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, error.where)), error.what);
    }
    const subject = `triage.enrichment_sources[${source.index}].path ${JSON.stringify(source.path)}`;
    const what = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz ? error.what : `cannot be read (${code})`;
    const at = config.yaml?.locate(['triage', 'enrichment_sources', source.index, 'path']);
    return at ? (0,_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .problemAt */ .l4)(at, `${subject}: ${what}`) : (0,_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .fileProblem */ .Wj)(config.origin, `${subject}: ${what}`);
}
/** The first problem of each registry or feed the configuration names (`path`), loaded as triage would. */
async function enrichmentProblems(root, config) {
    const files = (0,_repo_files_js__WEBPACK_IMPORTED_MODULE_7__/* .workingTreeFiles */ .rk)(root);
    const problems = [];
    for (const [index, source] of (config.settings?.triage.enrichment_sources ?? []).entries()) {
        const load = ENRICHMENT_LOADERS[source.type];
        if (source.path === undefined || load === undefined)
            continue;
        // As triage reads the path (enrichment/enrich.ts): `./assets/` is `assets`.
        const path = source.path.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
        try {
            await load(files, path);
        }
        catch (error) {
            problems.push(enrichmentProblem(error, root, config, { index, path }));
        }
    }
    return problems;
}
/** Lints the configuration and playbooks `options` name; throws only for a path that does not exist. */
async function lint(options) {
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(options.root);
    const configPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(options.config ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, _config_config_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_CONFIG_FILE */ .Cu));
    const given = await expand(options.paths);
    const defaults = options.paths.length === 0;
    // The configuration is linted by default, when --config names it, or when it is among the paths.
    const withConfig = defaults || options.config !== undefined || given.includes(configPath);
    const playbookPaths = defaults ? await playbooksIn(root) : given.filter((path) => path !== configPath);
    const problems = [];
    const files = [];
    let config;
    if (withConfig) {
        const shown = (0,_config_config_js__WEBPACK_IMPORTED_MODULE_2__/* .shownPath */ .pS)(configPath);
        const text = await readText(configPath, shown);
        const missingDefault = typeof text !== 'string' && options.config === undefined && text.message === 'no such file';
        if (typeof text !== 'string') {
            // Without a file, the built-in defaults apply: that is no problem, but the default route is checked.
            if (!missingDefault)
                problems.push(text);
            else
                config = { origin: shown, settings: (0,_config_config_js__WEBPACK_IMPORTED_MODULE_2__/* .checkConfig */ .l2)('', shown).settings };
        }
        else {
            files.push(shown);
            const checked = (0,_config_config_js__WEBPACK_IMPORTED_MODULE_2__/* .checkConfig */ .l2)(text, shown);
            for (const problem of checked.problems)
                problems.push((0,_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .problemAt */ .l4)(problem.at, problem.what));
            config = { origin: shown, yaml: checked.yaml, settings: checked.settings };
            problems.push(...suppressionWarnings(config, options.now));
        }
        if (defaults && config)
            problems.push(...(await enrichmentProblems(root, config)));
    }
    const playbookFiles = [];
    for (const path of playbookPaths) {
        const shown = (0,_config_config_js__WEBPACK_IMPORTED_MODULE_2__/* .shownPath */ .pS)(path);
        files.push(shown);
        const text = await readText(path, shown);
        if (typeof text === 'string')
            playbookFiles.push({ file: shown, text });
        else
            problems.push(text);
    }
    problems.push(...(0,_load_js__WEBPACK_IMPORTED_MODULE_6__/* .checkPlaybooks */ .V_)(playbookFiles, config, options.catalogue).problems);
    return { problems: problems.sort(_problems_js__WEBPACK_IMPORTED_MODULE_8__/* .compareProblems */ .im), files };
}
//# sourceMappingURL=lint.js.map

/***/ })

};
