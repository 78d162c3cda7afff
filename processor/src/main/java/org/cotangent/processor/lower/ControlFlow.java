package org.cotangent.processor.lower;

import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.BinaryOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.SourcePos;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.UnaryOp;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.naming.Names;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lowers structured control flow with jumps into the few forms the transforms handle: straight
 * code, {@code if}, {@code while} and counted loops, with a single exit through a result variable.
 *
 * <ul>
 *   <li>{@code return} assigns the result. Where one branch of an {@code if} always jumps away, the
 *       statements after the {@code if} move into the other branch, so the common early-return
 *       code needs no flag at all.</li>
 *   <li>Otherwise a jump sets a flag ({@code returned}, {@code exit_L}, {@code next_L}); the rest
 *       of each enclosing block is guarded by it, and a loop's condition stops on it.</li>
 *   <li>{@code for}, enhanced {@code for} and {@code do}/{@code while} become {@code while}, except
 *       a {@code for} over an int counter that its body leaves alone, which stays a
 *       {@link Stmt.CountedLoop} so that reverse mode can run it backward without a tape.</li>
 * </ul>
 */
public final class ControlFlow {
    /**
     * The lowered body.
     *
     * @param body statements without jumps
     * @param result the variable that holds the returned value
     * @param returned the flag that says a return ran, or null where none was needed
     */
    public record Result(Stmt.Block body, Var result, Var returned) {
    }

    /** A loop being lowered: its label and, made when a jump needs them, its flags. */
    private static final class LoopCtx {
        final String label;
        Var exit;
        Var next;

        LoopCtx(String label) {
            this.label = label;
        }
    }

    private final Names names;
    private final Var result;
    private final Var returned;
    private final Deque<LoopCtx> loops = new ArrayDeque<>();
    private final List<Var> flags = new ArrayList<>();

    private ControlFlow(Names names, Var result, Var returned) {
        this.names = names;
        this.result = result;
        this.returned = returned;
        if (returned != null) {
            flags.add(returned);
        }
    }

    /** Lowers {@code body}, taking fresh names for the result and the flags from {@code names}. */
    public static Result lower(Stmt.Block body, Type returnType, Names names) {
        Var result = new Var(names.fresh("result"), returnType);
        Var returned = needsReturnFlag(body) ? new Var(names.fresh("returned"), Type.BOOLEAN) : null;
        ControlFlow pass = new ControlFlow(names, result, returned);
        List<Stmt> lowered = pass.lowerList(body.stmts());
        List<Stmt> out = new ArrayList<>();
        for (Var flag : pass.flags) {
            out.add(new Stmt.Decl(flag, bool(false), null));
        }
        out.addAll(lowered);
        return new Result(new Stmt.Block(out), result, returned);
    }

    private List<Stmt> lowerList(List<Stmt> stmts) {
        List<Stmt> out = new ArrayList<>();
        for (int i = 0; i < stmts.size(); i++) {
            Stmt s = stmts.get(i);
            List<Stmt> rest = stmts.subList(i + 1, stmts.size());
            if (s instanceof Stmt.Return r) {
                if (r.value() != null) {
                    out.add(new Stmt.Assign(new Expr.VarRef(result), AssignOp.SET, r.value(), r.pos()));
                }
                if (returned != null) {
                    out.add(setFlag(returned, r.pos()));
                }
                return out;
            }
            if (s instanceof Stmt.Break b) {
                LoopCtx loop = target(b.label());
                if (loop.exit == null) {
                    loop.exit = flag(loop.label == null ? "exitLoop" : "exit_" + loop.label);
                }
                out.add(setFlag(loop.exit, b.pos()));
                return out;
            }
            if (s instanceof Stmt.Continue c) {
                LoopCtx loop = target(c.label());
                if (loop.next == null) {
                    loop.next = flag(loop.label == null ? "nextIteration" : "next_" + loop.label);
                }
                out.add(setFlag(loop.next, c.pos()));
                return out;
            }
            if (s instanceof Stmt.Block b) {
                List<Stmt> all = new ArrayList<>(b.stmts());
                all.addAll(rest);
                out.addAll(lowerList(all));
                return out;
            }
            if (s instanceof Stmt.If f && !rest.isEmpty() && mayJump(f)) {
                boolean thenJumps = alwaysJumps(f.then());
                boolean elseJumps = alwaysJumps(f.otherwise());
                if (thenJumps || elseJumps) {
                    List<Stmt> then = new ArrayList<>(f.then().stmts());
                    List<Stmt> otherwise = new ArrayList<>(f.otherwise().stmts());
                    if (!thenJumps) {
                        then.addAll(rest);
                    }
                    if (!elseJumps) {
                        otherwise.addAll(rest);
                    }
                    out.add(new Stmt.If(f.condition(), new Stmt.Block(lowerList(then)),
                            new Stmt.Block(lowerList(otherwise)), f.pos()));
                    return out;
                }
            }
            Set<Var> flagsBefore = flagsRaisedBy(s);
            out.addAll(lowerStmt(s));
            Set<Var> raised = flagsRaisedBy(s);
            raised.addAll(flagsBefore);
            if (!raised.isEmpty() && !rest.isEmpty()) {
                out.add(new Stmt.If(noneSet(raised), new Stmt.Block(lowerList(rest)), null, null));
                return out;
            }
        }
        return out;
    }

    private List<Stmt> lowerStmt(Stmt s) {
        if (s instanceof Stmt.If f) {
            return List.of(new Stmt.If(f.condition(), new Stmt.Block(lowerList(f.then().stmts())),
                    new Stmt.Block(lowerList(f.otherwise().stmts())), f.pos()));
        }
        if (s instanceof Stmt.While w) {
            return loop(w.condition(), w.body().stmts(), List.of(), w.label(), w.pos(), List.of());
        }
        if (s instanceof Stmt.DoWhile d) {
            Var first = new Var(names.fresh("firstPass"), Type.BOOLEAN);
            Expr cond = new Expr.Binary(BinaryOp.OR, new Expr.VarRef(first), d.condition(), Type.BOOLEAN);
            List<Stmt> body = new ArrayList<>();
            body.add(new Stmt.Assign(new Expr.VarRef(first), AssignOp.SET, bool(false), d.pos()));
            body.addAll(d.body().stmts());
            return loop(cond, body, List.of(), d.label(), d.pos(),
                    List.of(new Stmt.Decl(first, bool(true), d.pos())));
        }
        if (s instanceof Stmt.ForEach f) {
            List<Stmt> before = new ArrayList<>();
            Expr array = f.array();
            if (!(array instanceof Expr.VarRef r) || assigns(f.body(), r.var())) {
                Var copy = new Var(names.fresh("array"), array.type());
                before.add(new Stmt.Decl(copy, array, f.pos()));
                array = new Expr.VarRef(copy);
            }
            Var index = new Var(names.fresh("index"), Type.INT);
            List<Stmt> body = new ArrayList<>();
            Type elementType = new Type(array.type().base(), array.type().rank() - 1);
            body.add(new Stmt.Decl(f.element(), new Expr.ArrayAccess(array, new Expr.VarRef(index), elementType),
                    f.pos()));
            body.addAll(f.body().stmts());
            Stmt.For loop = new Stmt.For(List.of(new Stmt.Decl(index, new Expr.Literal("0", Type.INT), f.pos())),
                    new Expr.Binary(BinaryOp.LT, new Expr.VarRef(index), new Expr.Length(array), Type.BOOLEAN),
                    List.of(new Stmt.Assign(new Expr.VarRef(index), AssignOp.ADD, new Expr.Literal("1", Type.INT),
                            f.pos())), new Stmt.Block(body), f.label(), f.pos());
            List<Stmt> out = new ArrayList<>(before);
            out.addAll(lowerStmt(loop));
            return out;
        }
        if (s instanceof Stmt.For f) {
            Stmt.CountedLoop counted = counted(f);
            if (counted != null) {
                loops.push(new LoopCtx(f.label()));
                try {
                    return List.of(new Stmt.CountedLoop(counted.counter(), counted.from(), counted.to(),
                            counted.up(), new Stmt.Block(lowerList(f.body().stmts())), f.pos()));
                } finally {
                    loops.pop();
                }
            }
            Expr cond = f.condition() == null ? bool(true) : f.condition();
            return loop(cond, f.body().stmts(), f.update(), f.label(), f.pos(), f.init());
        }
        return List.of(s);
    }

    /** {@code init; while (cond) { body; update }} with the flags its jumps need. */
    private List<Stmt> loop(Expr cond, List<Stmt> body, List<Stmt> update, String label, SourcePos pos,
                            List<Stmt> init) {
        LoopCtx ctx = new LoopCtx(label);
        loops.push(ctx);
        List<Stmt> loweredBody;
        List<Stmt> loweredUpdate;
        Set<Var> escaping = new LinkedHashSet<>();
        try {
            loweredBody = lowerList(body);
            loweredUpdate = lowerList(update);
            for (Stmt s : body) {
                escaping.addAll(flagsRaisedBy(s));
            }
        } finally {
            loops.pop();
        }
        escaping.remove(ctx.exit);
        escaping.remove(ctx.next);
        // Flags that end the loop: its own break, and jumps out to enclosing loops or the caller.
        Set<Var> stopping = new LinkedHashSet<>();
        if (ctx.exit != null) {
            stopping.add(ctx.exit);
        }
        stopping.addAll(escaping);
        List<Stmt> out = new ArrayList<>(init);
        if (ctx.exit != null) {
            out.add(new Stmt.Assign(new Expr.VarRef(ctx.exit), AssignOp.SET, bool(false), pos));
        }
        List<Stmt> iteration = new ArrayList<>();
        if (ctx.next != null) {
            iteration.add(new Stmt.Assign(new Expr.VarRef(ctx.next), AssignOp.SET, bool(false), pos));
        }
        iteration.addAll(loweredBody);
        if (!loweredUpdate.isEmpty()) {
            iteration.add(stopping.isEmpty() ? new Stmt.Block(loweredUpdate)
                    : new Stmt.If(noneSet(stopping), new Stmt.Block(loweredUpdate), null, pos));
        }
        Expr condition = stopping.isEmpty() ? cond
                : new Expr.Binary(BinaryOp.AND, noneSet(stopping), cond, Type.BOOLEAN);
        out.add(new Stmt.While(condition, new Stmt.Block(IrWalk.flatten(iteration)), null, pos));
        return out;
    }

    /** The counted form of {@code f}, or null if its counter, bounds or jumps do not allow it. */
    private Stmt.CountedLoop counted(Stmt.For f) {
        if (f.init().size() != 1 || !(f.init().get(0) instanceof Stmt.Decl d) || d.init() == null
                || !d.var().type().equals(Type.INT) || f.update().size() != 1
                || !(f.update().get(0) instanceof Stmt.Assign u) || !(f.condition() instanceof Expr.Binary c)
                || hasJump(f.body())) {
            return null;
        }
        Var i = d.var();
        if (!(u.target() instanceof Expr.VarRef ut) || !ut.var().equals(i)
                || !(u.value() instanceof Expr.Literal one) || !one.text().equals("1")
                || !(c.left() instanceof Expr.VarRef cl) || !cl.var().equals(i)) {
            return null;
        }
        boolean up = u.op() == AssignOp.ADD;
        if (!up && u.op() != AssignOp.SUB) {
            return null;
        }
        Expr bound = c.right();
        Set<Var> boundVars = IrWalk.varsRead(bound);
        boolean[] bad = {IrWalk.hasCall(bound) || IrWalk.reads(bound, i) || IrWalk.reads(d.init(), i)};
        IrWalk.forEachExpr(bound, e -> bad[0] |= e instanceof Expr.ArrayAccess);
        IrWalk.forEachStmt(f.body(), s -> {
            Var written = s instanceof Stmt.Decl dd ? dd.var()
                    : s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r ? r.var() : null;
            if (written != null && (written.equals(i) || boundVars.contains(written))) {
                bad[0] = true;
            }
        });
        if (bad[0]) {
            return null;
        }
        Expr to;
        if (up && c.op() == BinaryOp.LT || !up && c.op() == BinaryOp.GT) {
            to = bound;
        } else if (up && c.op() == BinaryOp.LE) {
            to = new Expr.Binary(BinaryOp.ADD, bound, new Expr.Literal("1", Type.INT), Type.INT);
        } else if (!up && c.op() == BinaryOp.GE) {
            to = new Expr.Binary(BinaryOp.SUB, bound, new Expr.Literal("1", Type.INT), Type.INT);
        } else {
            return null;
        }
        return new Stmt.CountedLoop(i, d.init(), to, up, f.body(), f.pos());
    }

    private LoopCtx target(String label) {
        if (label == null) {
            return loops.peek();
        }
        for (LoopCtx ctx : loops) {
            if (label.equals(ctx.label)) {
                return ctx;
            }
        }
        throw new IllegalStateException("no loop labelled " + label);
    }

    /**
     * The flags that jumps inside {@code s} set and that are not consumed inside {@code s}: a jump to
     * a loop enclosing {@code s}, or a return.
     */
    private Set<Var> flagsRaisedBy(Stmt s) {
        Set<Var> out = new LinkedHashSet<>();
        raised(s, new ArrayDeque<>(), out);
        return out;
    }

    private void raised(Stmt s, Deque<String> inner, Set<Var> out) {
        if (s instanceof Stmt.Return) {
            if (returned != null) {
                out.add(returned);
            }
        } else if (s instanceof Stmt.Break b) {
            Var v = escapingTarget(b.label(), inner, true);
            if (v != null) {
                out.add(v);
            }
        } else if (s instanceof Stmt.Continue c) {
            Var v = escapingTarget(c.label(), inner, false);
            if (v != null) {
                out.add(v);
            }
        } else if (s instanceof Stmt.Block b) {
            b.stmts().forEach(x -> raised(x, inner, out));
        } else if (s instanceof Stmt.If f) {
            raised(f.then(), inner, out);
            raised(f.otherwise(), inner, out);
        } else if (isLoop(s)) {
            inner.push(IrWalk.loopLabel(s) == null ? "" : IrWalk.loopLabel(s));
            raised(loopBody(s), inner, out);
            inner.pop();
        }
    }

    private Var escapingTarget(String label, Deque<String> inner, boolean isBreak) {
        if (label == null ? !inner.isEmpty() : inner.contains(label)) {
            return null;
        }
        if (loops.isEmpty()) {
            return null;
        }
        LoopCtx ctx = target(label);
        return isBreak ? ctx.exit : ctx.next;
    }

    private static boolean isLoop(Stmt s) {
        return s instanceof Stmt.While || s instanceof Stmt.DoWhile || s instanceof Stmt.For
                || s instanceof Stmt.ForEach || s instanceof Stmt.CountedLoop;
    }


    private static Stmt.Block loopBody(Stmt s) {
        if (s instanceof Stmt.While w) {
            return w.body();
        }
        if (s instanceof Stmt.DoWhile d) {
            return d.body();
        }
        if (s instanceof Stmt.For f) {
            return f.body();
        }
        if (s instanceof Stmt.ForEach f) {
            return f.body();
        }
        return ((Stmt.CountedLoop) s).body();
    }

    private static Expr noneSet(Set<Var> flags) {
        Expr out = null;
        for (Var f : flags) {
            Expr not = new Expr.Unary(UnaryOp.NOT, new Expr.VarRef(f), Type.BOOLEAN);
            out = out == null ? not : new Expr.Binary(BinaryOp.AND, out, not, Type.BOOLEAN);
        }
        return out;
    }

    /** A new flag, declared (false) at the top of the lowered body. */
    private Var flag(String name) {
        Var flag = new Var(names.fresh(name), Type.BOOLEAN);
        flags.add(flag);
        return flag;
    }

    private static Stmt setFlag(Var flag, SourcePos pos) {
        return new Stmt.Assign(new Expr.VarRef(flag), AssignOp.SET, bool(true), pos);
    }

    private static Expr bool(boolean value) {
        return new Expr.Literal(String.valueOf(value), Type.BOOLEAN);
    }

    private static boolean assigns(Stmt s, Var v) {
        boolean[] found = {false};
        IrWalk.forEachStmt(s, x -> found[0] |= x instanceof Stmt.Assign a
                && a.target() instanceof Expr.VarRef r && r.var().equals(v));
        return found[0];
    }

    private static boolean hasJump(Stmt s) {
        boolean[] found = {false};
        IrWalk.forEachStmt(s, x -> found[0] |= x instanceof Stmt.Return || x instanceof Stmt.Break
                || x instanceof Stmt.Continue);
        return found[0];
    }

    /** True if some path through {@code s} jumps (return, break or continue). */
    private static boolean mayJump(Stmt s) {
        return hasJump(s);
    }

    /** True if every path through {@code s} ends in a jump. */
    static boolean alwaysJumps(Stmt s) {
        if (s instanceof Stmt.Return || s instanceof Stmt.Break || s instanceof Stmt.Continue) {
            return true;
        }
        if (s instanceof Stmt.Block b) {
            return b.stmts().stream().anyMatch(ControlFlow::alwaysJumps);
        }
        if (s instanceof Stmt.If f) {
            return alwaysJumps(f.then()) && alwaysJumps(f.otherwise());
        }
        return false;
    }

    private static boolean mayReturn(Stmt s) {
        boolean[] found = {false};
        IrWalk.forEachStmt(s, x -> found[0] |= x instanceof Stmt.Return);
        return found[0];
    }

    /** A flag is needed for a return inside a loop, or in an if whose branches both may fall through. */
    private static boolean needsReturnFlag(Stmt s) {
        if (isLoop(s)) {
            return mayReturn(s);
        }
        if (s instanceof Stmt.Block b) {
            return b.stmts().stream().anyMatch(ControlFlow::needsReturnFlag);
        }
        if (s instanceof Stmt.If f) {
            return (mayReturn(f) && !alwaysJumps(f.then()) && !alwaysJumps(f.otherwise()))
                    || needsReturnFlag(f.then()) || needsReturnFlag(f.otherwise());
        }
        return false;
    }
}
