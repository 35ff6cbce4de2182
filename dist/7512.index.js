export const id = 7512;
export const ids = [7512];
export const modules = {

/***/ 27512:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IRAC_RULE_NUMBERS: () => (/* binding */ IRAC_RULE_NUMBERS),
/* harmony export */   blockIp: () => (/* binding */ blockIp),
/* harmony export */   blockedCidr: () => (/* binding */ blockedCidr)
/* harmony export */ });
/* harmony import */ var ipaddr_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48280);
// Denying an attacker's address at the subnet edge, in both directions, with the network ACL of the
// instance's subnet. A network ACL is read in rule-number order and the first rule that matches decides,
// so a deny only works if it comes before every rule that allows that traffic: irac writes its denies in
// the numbers 1–99, below the 100 where AWS's own default and its guidance put allow rules, and checks
// first that no earlier rule lets the address through. Undo deletes exactly the entries the run added.
//
// The address usually comes from the event, that is from whoever wrote it, and a deny at a subnet's ACL
// cuts that address off for every instance behind the ACL — often the VPC's default ACL, on every subnet
// without one of its own. So only an Internet address is denied unasked: a special-purpose range
// (loopback, link-local, multicast, reserved…) never, and a private one or one inside the VPC only when
// the step says allow_private. The plan names the ACL's reach: default or not, and how many subnets.

// Loaded on the first call, not with the module: describe() and the plan need no SDK.
const sdk = () => Promise.all(/* import() */[__webpack_require__.e(5861), __webpack_require__.e(5193)]).then(__webpack_require__.t.bind(__webpack_require__, 35193, 19));
/** The rule numbers irac writes denies in: before the 100 of the default ACL's allow-all rule. */
const IRAC_RULE_NUMBERS = { first: 1, last: 99 };
// Narrower than this is an address or a network; wider is a large part of the Internet, which a typo or a
// bad indicator must not cut off from a production subnet.
const WIDEST_PREFIX = { ipv4: 8, ipv6: 32 };
const ec2 = async (context) => context.clients.aws((await sdk()).EC2Client, context.aws);
// ipaddr.js's range() names for addresses a peer on the Internet can have: global unicast, and the
// anycast and transition prefixes that carry it (AS112, AMT, 6to4, Teredo, NAT64).
const INTERNET_RANGES = new Set(['unicast', 'as112', 'amt', 'as112v6', '6to4', 'teredo', 'rfc6052']);
// Networks of a VPC, a peered VPC or the premises behind a VPN (RFC 1918, RFC 6598 shared space, IPv6
// unique local): a host, NAT gateway or load balancer of one's own, never denied unasked.
const PRIVATE_RANGES = new Set(['private', 'carrierGradeNat', 'uniqueLocal']);
/**
 * The ipaddr.js ranges a block touches. Every special IPv4 range is a /24 or wider (the broadcast address
 * aside, which ends any block holding it), so the first address of each /24 names them all; an IPv6 block
 * irac accepts is a /32 or narrower, where its first and last addresses do.
 */
function rangesTouched([network, prefix]) {
    const found = new Set();
    if (network instanceof ipaddr_js__WEBPACK_IMPORTED_MODULE_0__.IPv4) {
        const first = network.octets.reduce((value, octet) => value * 256 + octet, 0);
        const size = 2 ** (32 - prefix);
        const at = (value) => new ipaddr_js__WEBPACK_IMPORTED_MODULE_0__.IPv4([value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255]);
        for (let offset = 0; offset < size; offset += 256)
            found.add(at(first + offset).range());
        found.add(at(first + size - 1).range());
        return found;
    }
    found.add(network.range());
    found.add(ipaddr_js__WEBPACK_IMPORTED_MODULE_0__.IPv6.broadcastAddressFromCIDR(`${network.toString()}/${prefix}`).range());
    return found;
}
/**
 * An address or CIDR as EC2 stores it: the network address and its prefix, IPv4-mapped IPv6 as IPv4.
 * Refuses what no Internet peer can be, and a private range unless `allowPrivate`.
 */
function blockedCidr(ip, { allowPrivate = false } = {}) {
    let range;
    try {
        range = ip.includes('/') ? ipaddr_js__WEBPACK_IMPORTED_MODULE_0__.parseCIDR(ip) : [ipaddr_js__WEBPACK_IMPORTED_MODULE_0__.parse(ip), ip.includes(':') ? 128 : 32];
    }
    catch {
        throw new Error(`"${ip}" is not an IP address or CIDR block`);
    }
    let [address, prefix] = range;
    if (address instanceof ipaddr_js__WEBPACK_IMPORTED_MODULE_0__.IPv6 && address.isIPv4MappedAddress()) {
        address = address.toIPv4Address();
        prefix = Math.max(prefix - 96, 0);
    }
    const family = address.kind();
    if (prefix < WIDEST_PREFIX[family]) {
        throw new Error(`${ip} spans more than a /${WIDEST_PREFIX[family]}: block_ip denies an address or a network`);
    }
    const network = family === 'ipv4'
        ? ipaddr_js__WEBPACK_IMPORTED_MODULE_0__.IPv4.networkAddressFromCIDR(`${address.toString()}/${prefix}`)
        : ipaddr_js__WEBPACK_IMPORTED_MODULE_0__.IPv6.networkAddressFromCIDR(`${address.toString()}/${prefix}`);
    const ranges = [...rangesTouched([network, prefix])];
    const special = ranges.filter((range) => !INTERNET_RANGES.has(range) && !PRIVATE_RANGES.has(range));
    if (special.length > 0) {
        throw new Error(`${ip} is not an Internet address (${special.join(', ')}): block_ip denies addresses a peer on ` +
            'the Internet can have');
    }
    const privateRanges = ranges.filter((range) => PRIVATE_RANGES.has(range));
    if (privateRanges.length > 0 && !allowPrivate) {
        throw new Error(`${ip} is a private address (${privateRanges.join(', ')}), likely a host, NAT gateway or load balancer ` +
            'of this or a connected network: set allow_private to deny it all the same');
    }
    return `${network.toString()}/${prefix}`;
}
function rangeOf(cidr) {
    if (cidr === undefined)
        return undefined;
    try {
        return ipaddr_js__WEBPACK_IMPORTED_MODULE_0__.parseCIDR(cidr);
    }
    catch {
        return undefined;
    }
}
const contains = ([outer, outerPrefix], [inner, innerPrefix]) => outer.kind() === inner.kind() && outerPrefix <= innerPrefix && inner.match(outer, outerPrefix);
const overlaps = (a, b) => contains(a, b) || contains(b, a);
const entryRange = (entry) => rangeOf(entry.CidrBlock ?? entry.Ipv6CidrBlock);
function firstMatch(acl, egress, target) {
    const entries = (acl.Entries ?? [])
        .filter((entry) => entry.Egress === egress && entry.RuleNumber !== undefined)
        .sort((a, b) => (a.RuleNumber ?? 0) - (b.RuleNumber ?? 0));
    const taken = new Set(entries.map((entry) => entry.RuleNumber ?? 0));
    for (const entry of entries) {
        const range = entryRange(entry);
        if (!range || !overlaps(range, target))
            continue;
        if (entry.RuleAction === 'allow')
            return { egress, firstAllow: entry.RuleNumber ?? 0, taken };
        if (entry.Protocol === '-1' && contains(range, target))
            return { egress, deniedBy: entry.RuleNumber ?? 0, taken };
    }
    return { egress, taken };
}
const inOrOut = (egress) => (egress ? 'out' : 'in');
/** How far a deny in this ACL reaches: the VPC's default ACL or its own, and how many subnets use it. */
function reachOf(acl) {
    const subnets = (acl.Associations ?? []).filter((association) => association.SubnetId).length;
    const kind = acl.IsDefault ? 'default ACL' : 'ACL';
    return `${kind} of ${acl.VpcId ?? 'its VPC'}, on ${subnets} subnet${subnets === 1 ? '' : 's'}`;
}
function describeDirections(acl, cidr, directions) {
    return `${aclIdOf(acl)} (${reachOf(acl)}): ${cidr} ${directions
        .map((d) => d.deniedBy !== undefined
        ? `denied ${inOrOut(d.egress)} (rule ${d.deniedBy})`
        : d.firstAllow !== undefined
            ? `allowed ${inOrOut(d.egress)} (rule ${d.firstAllow})`
            : `not matched ${inOrOut(d.egress)}`)
        .join(', ')}`;
}
/** The lowest free number in irac's range that comes before the first rule allowing the range. */
function freeRuleNumber(aclId, cidr, d) {
    const last = Math.min(IRAC_RULE_NUMBERS.last, (d.firstAllow ?? Number.POSITIVE_INFINITY) - 1);
    for (let number = IRAC_RULE_NUMBERS.first; number <= last; number += 1) {
        if (!d.taken.has(number))
            return number;
    }
    throw new Error(d.firstAllow !== undefined && d.firstAllow <= IRAC_RULE_NUMBERS.last
        ? `${aclId}: rule ${d.firstAllow} allows ${cidr} ${inOrOut(d.egress)} before any free number in ` +
            `${IRAC_RULE_NUMBERS.first}–${IRAC_RULE_NUMBERS.last} where a deny could go`
        : `${aclId}: no free rule number ${inOrOut(d.egress)} in ${IRAC_RULE_NUMBERS.first}–${IRAC_RULE_NUMBERS.last}`);
}
async function networkAcl(client, aclId) {
    const { DescribeNetworkAclsCommand } = await sdk();
    const { NetworkAcls } = await client.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [aclId] }));
    const acl = NetworkAcls?.[0];
    if (!acl)
        throw new Error(`${aclId} was not found`);
    return acl;
}
/** The ACL to write in: the one given, else the one associated with the instance's subnet. */
async function targetAcl(client, params) {
    const { DescribeInstancesCommand, DescribeNetworkAclsCommand } = await sdk();
    if (params.network_acl_id)
        return networkAcl(client, params.network_acl_id);
    const instanceId = params.instance_id;
    if (!instanceId)
        throw new Error('block_ip needs an instance_id or a network_acl_id');
    const { Reservations } = await client.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
    const subnetId = Reservations?.[0]?.Instances?.[0]?.SubnetId;
    if (!subnetId)
        throw new Error(`${instanceId} is not in a subnet: there is no network ACL to write in`);
    const { NetworkAcls } = await client.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: [subnetId] }] }));
    const acl = NetworkAcls?.[0];
    if (!acl)
        throw new Error(`no network ACL is associated with ${subnetId}`);
    return acl;
}
function aclIdOf(acl) {
    if (!acl.NetworkAclId)
        throw new Error('EC2 answered a network ACL without an id');
    return acl.NetworkAclId;
}
/** Refuses a block that overlaps the ACL's own VPC, unless the step allows private addresses. */
async function checkOutsideVpc(client, acl, cidr, allowPrivate) {
    const { DescribeVpcsCommand } = await sdk();
    if (allowPrivate || !acl.VpcId)
        return;
    const { Vpcs } = await client.send(new DescribeVpcsCommand({ VpcIds: [acl.VpcId] }));
    const vpc = Vpcs?.[0];
    const blocks = [
        ...(vpc?.CidrBlockAssociationSet ?? []).map((association) => association.CidrBlock),
        ...(vpc?.Ipv6CidrBlockAssociationSet ?? []).map((association) => association.Ipv6CidrBlock),
    ];
    const target = rangeOf(cidr);
    const inside = blocks.find((block) => {
        const range = rangeOf(block);
        return range !== undefined && overlaps(range, target);
    });
    if (inside !== undefined) {
        throw new Error(`${cidr} is inside ${acl.VpcId}'s own ${inside}: the deny would cut the VPC's own hosts off, for ` +
            'every subnet on the ACL; set allow_private to deny it all the same');
    }
}
const blockIp = {
    name: 'aws:ec2.block_ip',
    describe: ({ ip, instance_id, network_acl_id, allow_private = false }) => {
        const acl = network_acl_id ?? `the network ACL of ${instance_id ?? 'the instance'}'s subnet`;
        return [
            ...(network_acl_id
                ? []
                : [
                    {
                        call: 'ec2:DescribeInstances',
                        target: instance_id ?? '(no instance)',
                        effect: 'find its subnet',
                    },
                ]),
            {
                call: 'ec2:DescribeNetworkAcls',
                target: acl,
                effect: `read the entries that match ${ip}, whether it is the VPC's default ACL and its subnets`,
            },
            ...(allow_private
                ? []
                : [
                    {
                        call: 'ec2:DescribeVpcs',
                        target: `the VPC of ${acl}`,
                        effect: `its CIDR blocks: ${ip} inside them is refused`,
                    },
                ]),
            {
                call: 'ec2:CreateNetworkAclEntry',
                target: acl,
                effect: `deny all traffic from and to ${ip}, in rules ${IRAC_RULE_NUMBERS.first}–${IRAC_RULE_NUMBERS.last}, ` +
                    'for every subnet on the ACL',
            },
        ];
    },
    async inspect(params, context, prior) {
        // The address is checked before anything is read: a refused one costs no call.
        const allowPrivate = params.allow_private ?? false;
        const cidr = prior?.cidr ?? blockedCidr(params.ip, { allowPrivate });
        const client = await ec2(context);
        // A resumed run keeps writing in the ACL the interrupted one chose.
        const acl = prior ? await networkAcl(client, prior.network_acl_id) : await targetAcl(client, params);
        const aclId = aclIdOf(acl);
        await checkOutsideVpc(client, acl, cidr, allowPrivate);
        const target = rangeOf(cidr);
        const directions = [firstMatch(acl, false, target), firstMatch(acl, true, target)];
        let record = prior ?? { network_acl_id: aclId, cidr, entries: [] };
        const family = cidr.includes(':') ? { Ipv6CidrBlock: cidr } : { CidrBlock: cidr };
        const mutations = directions
            .filter((d) => d.deniedBy === undefined)
            .map((d) => {
            const ruleNumber = freeRuleNumber(aclId, cidr, d);
            return {
                call: 'ec2:CreateNetworkAclEntry',
                target: aclId,
                effect: `rule ${ruleNumber} ${d.egress ? 'egress' : 'ingress'}: deny all ${inOrOut(d.egress)} ${cidr} (${reachOf(acl)})`,
                apply: async () => {
                    const { CreateNetworkAclEntryCommand } = await sdk();
                    await client.send(new CreateNetworkAclEntryCommand({
                        NetworkAclId: aclId,
                        RuleNumber: ruleNumber,
                        Egress: d.egress,
                        Protocol: '-1',
                        RuleAction: 'deny',
                        ...family,
                    }));
                    record = {
                        ...record,
                        entries: [...record.entries, { rule_number: ruleNumber, egress: d.egress }],
                    };
                    return record;
                },
            };
        });
        return { state: describeDirections(acl, cidr, directions), record, mutations };
    },
    async verify(_params, context, record) {
        const acl = await networkAcl(await ec2(context), record.network_acl_id);
        const target = rangeOf(record.cidr);
        const directions = [firstMatch(acl, false, target), firstMatch(acl, true, target)];
        return {
            ok: directions.every((d) => d.deniedBy !== undefined),
            detail: describeDirections(acl, record.cidr, directions),
        };
    },
    async undo(_params, context, record) {
        const client = await ec2(context);
        const acl = await networkAcl(client, record.network_acl_id);
        const target = rangeOf(record.cidr);
        // An entry is taken back only while it is still the deny this run wrote, not a rule put there since.
        const ours = record.entries.filter(({ rule_number, egress }) => (acl.Entries ?? []).some((entry) => {
            const range = entryRange(entry);
            return (entry.RuleNumber === rule_number &&
                entry.Egress === egress &&
                entry.RuleAction === 'deny' &&
                entry.Protocol === '-1' &&
                range !== undefined &&
                contains(range, target) &&
                contains(target, range));
        }));
        const directions = [firstMatch(acl, false, target), firstMatch(acl, true, target)];
        return {
            state: describeDirections(acl, record.cidr, directions),
            record,
            mutations: ours.map(({ rule_number, egress }) => ({
                call: 'ec2:DeleteNetworkAclEntry',
                target: record.network_acl_id,
                effect: `delete ${egress ? 'egress' : 'ingress'} rule ${rule_number} (deny ${record.cidr})`,
                apply: async () => {
                    const { DeleteNetworkAclEntryCommand } = await sdk();
                    await client.send(new DeleteNetworkAclEntryCommand({
                        NetworkAclId: record.network_acl_id,
                        RuleNumber: rule_number,
                        Egress: egress,
                    }));
                    return undefined;
                },
            })),
        };
    },
};
//# sourceMappingURL=ec2-network.js.map

/***/ })

};
