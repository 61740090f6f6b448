#!/usr/bin/env python3
"""How many source files a reader opens to follow one money path: a method-level call graph from the bytecode.

Usage: path_files.py CLASSES_DIR [-v] [--action] [--cha-only] [--expand-root] [--why=TEXT] URL_OR_SERVLET...
  URL_OR_SERVLET  /result (mapped through the @WebServlet urlPatterns of the classes) or a servlet's simple name
  --action        also start from lt.smssafe.action.ActionRunner.runDue and expand the runner (the payment action)
  --cha-only      plain class hierarchy analysis: every gateway's dialect is a dispatch target of Dialect calls
  --expand-root   expand the classes directly in lt.smssafe other than SmsSafe (default: none is expanded)
  -v              print the files;  --why=TEXT  print, for each file containing TEXT, the call chain that reached it

Rules (the same for every run; standard library only, the class files are parsed directly):
 * Nodes are methods of the classes under CLASSES_DIR named lt/smssafe/...; JDK and library classes are neither
   counted nor traversed (so a callback typed by a JDK interface, e.g. Consumer.accept, is not followed).
 * Roots: the servlet's request methods (doGet, doPost, doPut, doDelete, doHead, doOptions, service) declared in it
   or in its lt.smssafe superclasses, and their static initialisers.  --action adds ActionRunner.runDue.
 * Edges: invokestatic/invokespecial resolve upwards from the named class; invokevirtual/invokeinterface by class
   hierarchy analysis: the method every concrete lt.smssafe subtype of the named class would run.
   invokedynamic (LambdaMetafactory): an edge to the implementation method in the bootstrap arguments, where the
   lambda / method reference is made.  Lambdas made at wiring time, where the walk does not go (in the composition
   root, or in a method its constructors / static initialisers call) are also dispatch targets of calls to their
   lt.smssafe interface (SmsSafe's PaymentSession::findClosed as a PaymentLookup, MessageCount.fromRates's lambda).
   new, invokestatic, getstatic/putstatic of another class: an edge to that class's <clinit>.
   The class named by a call, `new` or static field access is counted too (the reader sees that type).
 * One endpoint, one servlet, one dialect: another servlet than the started one (and its superclasses) is never a
   dispatch target, nor (unless --cha-only) a class in another gateway's package lt.smssafe.sms.dialect.<x> than
   the one(s) the servlet's own methods name, directly or in the generic signature of what they call; where one
   servlet serves several gateways' URLs, only the one the URL names (/result smssafe, /fortumo, /paysera).
 * Not expanded, counted when reached: the classes directly in package lt.smssafe (the composition root, SmsSafe,
   ...; with --expand-root only SmsSafe), and, without --action, lt.smssafe.action.ActionRunner (the path ends
   where the payment action is owed or the runner woken).
 * No toString/equals/hashCode or logging exclusion is needed (records' methods are JDK bootstraps; the only
   logging class reached is logging.LogText).
 * A file is the package + SourceFile attribute, so nested, anonymous and lambda code counts as its outer file.
"""
import os, re, struct, sys, collections

PREFIX = 'lt/smssafe/'
REQUEST_METHODS = {'doGet', 'doPost', 'doPut', 'doDelete', 'doHead', 'doOptions', 'service'}
ACC_STATIC, ACC_INTERFACE, ACC_ABSTRACT = 0x0008, 0x0200, 0x0400

# ---------------------------------------------------------------- class-file parsing
def _len(code, pc):
    op = code[pc]
    if op == 0xaa:  # tableswitch
        p = pc + 1 + (-(pc + 1) % 4)
        lo, hi = struct.unpack('>ii', code[p + 4:p + 12])
        return p + 12 + 4 * (hi - lo + 1) - pc
    if op == 0xab:  # lookupswitch
        p = pc + 1 + (-(pc + 1) % 4)
        n, = struct.unpack('>i', code[p + 4:p + 8])
        return p + 8 + 8 * n - pc
    if op == 0xc4:  # wide
        return 6 if code[pc + 1] == 0x84 else 4
    if op in (0x10, 0x12, 0xa9, 0xbc) or 0x15 <= op <= 0x19 or 0x36 <= op <= 0x3a:
        return 2
    if op in (0x11, 0x13, 0x14, 0x84, 0xbb, 0xbd, 0xc0, 0xc1, 0xc6, 0xc7) or 0x99 <= op <= 0xa8 or 0xb2 <= op <= 0xb8:
        return 3
    if op == 0xc5:
        return 4
    if op in (0xb9, 0xba, 0xc8, 0xc9):
        return 5
    return 1

def parse_class(data):
    u2 = lambda o: struct.unpack_from('>H', data, o)[0]
    u4 = lambda o: struct.unpack_from('>I', data, o)[0]
    n = u2(8); cp = [None] * n; i = 1; o = 10
    while i < n:
        t = data[o]
        if t == 1:
            ln = u2(o + 1); cp[i] = ('utf8', data[o + 3:o + 3 + ln].decode('utf-8', 'replace')); o += 3 + ln
        elif t in (3, 4):
            o += 5
        elif t in (5, 6):
            o += 9; i += 1
        elif t in (7, 8, 16, 19, 20):
            cp[i] = (t, u2(o + 1)); o += 3
        elif t == 15:
            cp[i] = (t, data[o + 1], u2(o + 2)); o += 4
        elif t in (9, 10, 11, 12, 17, 18):
            cp[i] = (t, u2(o + 1), u2(o + 3)); o += 5
        else:
            raise ValueError('constant pool tag %d' % t)
        i += 1
    utf = lambda k: cp[k][1]
    cls = lambda k: utf(cp[k][1])
    def nat(k): return utf(cp[k][1]), utf(cp[k][2])
    def member(k):  # Fieldref/Methodref/InterfaceMethodref -> (owner, name, desc)
        _, c, nt = cp[k]; return (cls(c),) + nat(nt)
    access = u2(o); this = cls(u2(o + 2)); sup = cls(u2(o + 4)) if u2(o + 4) else None
    ni = u2(o + 6); o += 8
    ifaces = [cls(u2(o + 2 * j)) for j in range(ni)]; o += 2 * ni
    def attrs(o):
        res = []
        for _ in range(u2(o - 2)):
            name = utf(u2(o)); ln = u4(o + 2); res.append((name, o + 6, ln)); o += 6 + ln
        return res, o
    nf = u2(o); o += 2
    for _ in range(nf):
        _, o = attrs(o + 8)
    nm = u2(o); o += 2
    methods = []
    for _ in range(nm):
        macc, mname, mdesc = u2(o), utf(u2(o + 2)), utf(u2(o + 4))
        a, o = attrs(o + 8)
        code, sig = None, None
        for name, s, ln in a:
            if name == 'Code':
                cl = u4(s + 4); code = data[s + 8:s + 8 + cl]
            elif name == 'Signature':
                sig = utf(u2(s))
        methods.append((macc, mname, mdesc, code, sig))
    ca, _ = attrs(o + 2)
    source, bsms, url_list = None, [], []
    for name, s, ln in ca:
        if name == 'SourceFile':
            source = utf(u2(s))
        elif name == 'RuntimeVisibleAnnotations':
            urls = []
            def value(p, into):
                tag = chr(data[p]); p += 1
                if tag in 'BCDFIJSZsc':
                    if tag == 's' and into is not None:
                        into.append(utf(u2(p)))
                    return p + 2
                if tag == 'e':
                    return p + 4
                if tag == '@':
                    return annotation(p)[1]
                n_ = u2(p); p += 2  # '['
                for _ in range(n_):
                    p = value(p, into)
                return p
            def annotation(p):
                typ = utf(u2(p))
                n_ = u2(p + 2); p += 4
                for _ in range(n_):
                    ename = utf(u2(p))
                    wanted = typ.endswith('/WebServlet;') and ename in ('urlPatterns', 'value')
                    p = value(p + 2, urls if wanted else None)
                return typ, p
            p = s + 2
            for _ in range(u2(s)):
                p = annotation(p)[1]
            url_list = urls
        elif name == 'BootstrapMethods':
            p = s + 2
            for _ in range(u2(s)):
                ref, na = u2(p), u2(p + 2)
                bsms.append((ref, [u2(p + 4 + 2 * j) for j in range(na)])); p += 4 + 2 * na
    def handle(k):  # MethodHandle -> (kind, owner, name, desc)
        _, kind, ref = cp[k]; return (kind,) + member(ref)
    out = {'name': this, 'access': access, 'super': sup, 'ifaces': ifaces, 'source': source, 'methods': {},
           'lambdas': [], 'urls': url_list}
    out['sigs'] = {}
    for macc, mname, mdesc, code, sig in methods:
        out['sigs'][(mname, mdesc)] = sig or mdesc
        ops = []
        pc = 0
        while code is not None and pc < len(code):
            op = code[pc]
            if 0xb2 <= op <= 0xb9 or op in (0xbb, 0xba):
                k = struct.unpack_from('>H', code, pc + 1)[0]
                if op == 0xbb:
                    ops.append(('new', cls(k), None, None))
                elif op == 0xba:
                    _, bi, nt = cp[k]; iname, idesc = nat(nt)
                    bref, bargs = bsms[bi]
                    bkind, bowner, bname, _ = handle(bref)
                    if bowner == 'java/lang/invoke/LambdaMetafactory':
                        sam = utf(cp[bargs[0]][1])
                        impl = handle(bargs[1])
                        iface = idesc[idesc.rindex(')') + 2:-1]
                        ops.append(('indy', impl, iface, (iname, sam)))
                        out['lambdas'].append((iface, iname, sam, impl))
                else:
                    kind = {0xb2: 'getstatic', 0xb3: 'putstatic', 0xb4: 'getfield', 0xb5: 'putfield',
                            0xb6: 'virtual', 0xb7: 'special', 0xb8: 'static', 0xb9: 'interface'}[op]
                    ops.append((kind,) + member(k))
            pc += _len(code, pc)
        out['methods'][(mname, mdesc)] = (macc, ops)
    return out

def load(root):
    classes = {}
    for d, _, fs in os.walk(root):
        for f in fs:
            if f.endswith('.class'):
                with open(os.path.join(d, f), 'rb') as fh:
                    c = parse_class(fh.read())
                if c['name'].startswith(PREFIX):
                    classes[c['name']] = c
    return classes

def url_patterns(classes):
    """URL -> servlet classes, from the @WebServlet annotations (urlPatterns or value)."""
    m = {}
    for name, c in classes.items():
        for u in c['urls']:
            m.setdefault(u, set()).add(name)
    return m

# ---------------------------------------------------------------- call graph
class Graph:
    def __init__(self, classes):
        self.c = classes
        self.subs = collections.defaultdict(set)
        for n, c in classes.items():
            for s in [c['super']] + c['ifaces']:
                if s:
                    self.subs[s].add(n)
        self.lambdas = collections.defaultdict(set)  # (iface, name, desc) -> impl method handles
        for iface, name, sam, impl in self.wiring_lambdas():
            self.lambdas[(iface, name, sam)].add(impl)
        self.servlets = {n for n in classes if self.is_servlet(n)}
        self.own_dialects = None  # None: every dialect package may be a dispatch target

    def excluded(self, t, chain):
        """Dispatch targets that belong to another endpoint: another servlet, or another gateway's dialect."""
        if t in self.servlets and t not in chain:
            return True
        m = DIALECT_PKG.match(t)
        return bool(m and self.own_dialects is not None and m.group(1) not in self.own_dialects)

    def dialects_named_by(self, s):
        """Dialect packages named by the servlet's own methods: their calls, and the (generic) signatures of the
        methods they call (SmsSafe.fortumoDialect() returns Optional<FortumoDialect>)."""
        text = []
        for (m, d), (acc, ops) in self.c[s]['methods'].items():
            for op in ops:
                if op[0] in ('indy', 'new'):
                    text.append(str(op)); continue
                text.append('%s %s' % (op[1], op[3]))
                if op[1] in self.c:
                    text.append(self.c[op[1]]['sigs'].get((op[2], op[3]), ''))
        return set(re.findall(r'lt/smssafe/sms/dialect/(\w+)/', ' '.join(text)))

    def wiring_lambdas(self):
        """Lambdas made where the reader does not follow them: in the composition root, or in a method its
        constructors / static initialisers call (SmsSafe's new ... MessageCount.fromRates(rates))."""
        made = []
        for n, c in self.c.items():
            if not is_root(n):
                continue
            made += c['lambdas']
            for (m, d), (acc, ops) in c['methods'].items():
                if m not in ('<init>', '<clinit>'):
                    continue
                for op in ops:
                    if op[0] in ('static', 'special', 'virtual', 'interface') and op[1] in self.c \
                            and not is_root(op[1]):
                        r = self.resolve_up(op[1], op[2], op[3])
                        made += [(o[2], o[3][0], o[3][1], o[1]) for o in self.c[r[0]]['methods'][r[1:]][1]
                                 if o[0] == 'indy'] if r else []
        return [l for l in made if l[0].startswith(PREFIX)]

    def is_servlet(self, n):
        while n in self.c:
            n = self.c[n]['super']
        return n in ('jakarta/servlet/http/HttpServlet', 'javax/servlet/http/HttpServlet')

    def supers(self, n):
        out = []
        while n in self.c:
            out.append(n); n = self.c[n]['super']
        return out

    def below(self, n):
        seen, todo = {n}, [n]
        while todo:
            for s in self.subs[todo.pop()]:
                if s not in seen:
                    seen.add(s); todo.append(s)
        return seen

    def resolve_up(self, n, m, d):
        for k in self.supers(n):
            mm = self.c[k]['methods'].get((m, d))
            if mm and not mm[0] & ACC_ABSTRACT:
                return (k, m, d)
        todo, seen = list(self.supers(n)), set()
        while todo:  # default methods
            k = todo.pop(0)
            for i in self.c[k]['ifaces'] if k in self.c else []:
                if i in seen or i not in self.c:
                    continue
                seen.add(i); todo.append(i)
                mm = self.c[i]['methods'].get((m, d))
                if mm and not mm[0] & (ACC_ABSTRACT | ACC_STATIC):
                    return (i, m, d)
        return None

    def dispatch(self, n, m, d, chain):
        out = set()
        for t in self.below(n):
            c = self.c.get(t)
            if not c or c['access'] & (ACC_INTERFACE | ACC_ABSTRACT):
                continue
            if self.excluded(t, chain):
                continue
            r = self.resolve_up(t, m, d)
            if r:
                out.add(r)
        for t in self.below(n):
            for impl in self.lambdas.get((t, m, d), ()):
                out |= self.handle_targets(impl, chain)
        return out

    def handle_targets(self, h, chain):
        kind, owner, m, d = h
        if not owner.startswith(PREFIX):
            return set()
        if kind in (5, 9):  # REF_invokeVirtual, REF_invokeInterface
            return self.dispatch(owner, m, d, chain)
        r = self.resolve_up(owner, m, d)
        return {r} if r else set()

    def clinit(self, n):
        return {(n, '<clinit>', '()V')} if n in self.c and ('<clinit>', '()V') in self.c[n]['methods'] else set()

    def edges(self, meth, chain):
        """(callee methods, classes referenced) of one method."""
        n, m, d = meth
        calls, refs = set(), set()
        for op in self.c[n]['methods'][(m, d)][1]:
            kind = op[0]
            if kind == 'indy':
                calls |= self.handle_targets(op[1], chain)
                if op[2].startswith(PREFIX):
                    refs.add(op[2])
                continue
            owner = op[1]
            if not owner.startswith(PREFIX) or owner not in self.c:
                continue
            if kind == 'new':
                calls |= self.clinit(owner); refs.add(owner)
            elif kind in ('getstatic', 'putstatic'):
                if owner != n:
                    calls |= self.clinit(owner); refs.add(owner)
            elif kind in ('getfield', 'putfield'):
                pass
            elif kind in ('special', 'static'):
                r = self.resolve_up(owner, op[2], op[3])
                if r:
                    calls.add(r)
                if kind == 'static' and owner != n:
                    calls |= self.clinit(owner)
                refs.add(owner)
            else:
                calls |= self.dispatch(owner, op[2], op[3], chain)
                refs.add(owner)
        return calls, refs

DIALECT_PKG = re.compile(r'lt/smssafe/sms/dialect/(\w+)/')
RUNNER = PREFIX + 'action/ActionRunner'

def pkg(n):
    return n.rsplit('/', 1)[0]

def is_root(n):
    return pkg(n) + '/' == PREFIX

def file_of(g, n):
    return pkg(n).replace('/', '.') + '.' + (g.c[n]['source'] or n.rsplit('/', 1)[1].split('$')[0] + '.java')

def closure(g, roots, chain, expand_root, action):
    def expandable(n):
        if is_root(n):
            return expand_root and n != PREFIX + 'SmsSafe'
        if n == RUNNER or n.startswith(RUNNER + '$'):
            return action
        return True
    parent = {r: None for r in roots}
    todo, why = list(roots), {}
    while todo:
        meth = todo.pop(0)
        why.setdefault(file_of(g, meth[0]), meth)
        if not expandable(meth[0]):
            continue
        calls, refs = g.edges(meth, chain)
        for r in refs:
            why.setdefault(file_of(g, r), meth)
        for c in sorted(calls):
            if c not in parent:
                parent[c] = meth; todo.append(c)
    def chain_of(f):
        m = why[f]; out = [f]
        while m is not None:
            out.append('%s.%s' % (m[0].rsplit('/', 1)[1], m[1])); m = parent[m]
        return ' <- '.join(out)
    return why, chain_of

def roots_of_servlet(g, s):
    chain = set(g.supers(s))
    roots = set()
    for k in chain:
        for (m, d), (acc, _) in g.c[k]['methods'].items():
            if m in REQUEST_METHODS and not acc & ACC_ABSTRACT:
                roots.add((k, m, d))
        roots |= g.clinit(k)
    return roots, chain

URL_DIALECT = {'/result': 'smssafe', '/fortumo': 'fortumo', '/paysera': 'paysera'}

def main(argv):
    root = argv[0]
    verbose = '-v' in argv; expand_root = '--expand-root' in argv; action = '--action' in argv
    own_dialect = '--cha-only' not in argv
    why = [a[6:] for a in argv if a.startswith('--why=')]
    targets = [a for a in argv[1:] if not a.startswith('-')]
    g = Graph(load(root))
    urls = url_patterns(g.c)
    for t in targets:
        if t.startswith('/'):
            ss = sorted(urls.get(t, ()))
            if len(ss) > 1:
                sys.exit('%s maps to %s' % (t, ss or 'no servlet'))
            s = ss[0]
        else:
            s = PREFIX + 'web/' + t
        roots, chain = roots_of_servlet(g, s)
        if action:
            roots |= {(RUNNER, m, d) for (m, d) in g.c[RUNNER]['methods'] if m == 'runDue'}
            roots |= g.clinit(RUNNER)
        g.own_dialects = g.dialects_named_by(s) if own_dialect else None
        # one servlet may serve several gateways' URLs: the URL names the one a reader follows
        if g.own_dialects is not None and t in URL_DIALECT:
            g.own_dialects = g.own_dialects & {URL_DIALECT[t]}
        files, chain_of = closure(g, roots, chain, expand_root, action)
        print('%s\t%s\t%d' % (t, s.rsplit('/', 1)[1], len(files)))
        if verbose:
            for f in sorted(files):
                print('    ' + f)
        for w in why:
            for f in sorted(files):
                if w in f:
                    print('    why ' + chain_of(f))

if __name__ == '__main__':
    main(sys.argv[1:])
