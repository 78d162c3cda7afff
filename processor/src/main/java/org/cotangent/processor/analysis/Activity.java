package org.cotangent.processor.analysis;

import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Var;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Activity analysis: a variable is active when it both depends on a differentiated input (varied)
 * and influences the result (useful). Only active variables get adjoints; everything else is
 * ordinary code in the derivative. The analysis is flow-insensitive, which over-approximates
 * activity and so never drops a derivative.
 */
public final class Activity {
    private final Set<Var> varied;
    private final Set<Var> useful;

    private Activity(Set<Var> varied, Set<Var> useful) {
        this.varied = varied;
        this.useful = useful;
    }

    /** Analyses {@code body}, differentiated with respect to {@code wrt}, returning through {@code result}. */
    public static Activity of(Stmt.Block body, List<Var> wrt, Var result) {
        return of(body, wrt, List.of(result));
    }

    /**
     * Analyses {@code body}, differentiated with respect to {@code wrt}; {@code outputs} are what the
     * caller sees: the result, and for a method with output arrays, its array parameters.
     */
    public static Activity of(Stmt.Block body, List<Var> wrt, List<Var> outputs) {
        List<Flow> flows = flows(body);
        Set<Var> varied = new HashSet<>(wrt);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Flow f : flows) {
                if (f.target.type().isFloating() && !varied.contains(f.target)
                        && f.sources.stream().anyMatch(varied::contains)) {
                    varied.add(f.target);
                    changed = true;
                }
            }
        }
        Set<Var> useful = new HashSet<>(outputs);
        changed = true;
        while (changed) {
            changed = false;
            for (Flow f : flows) {
                if (useful.contains(f.target)) {
                    for (Var s : f.sources) {
                        if (s.type().isFloating() && useful.add(s)) {
                            changed = true;
                        }
                    }
                }
            }
        }
        return new Activity(varied, useful);
    }

    /** A value flowing from {@code sources} into {@code target} through floating arithmetic. */
    private record Flow(Var target, Set<Var> sources) {
    }

    private static List<Flow> flows(Stmt.Block body) {
        List<Flow> flows = new ArrayList<>();
        IrWalk.forEachStmt(body, s -> {
            Expr called = s instanceof Stmt.ExprStmt e ? e.expr() : s instanceof Stmt.Decl d ? d.init()
                    : s instanceof Stmt.Assign a ? a.value() : null;
            if (called instanceof Expr.Call c) {
                // arrays the callee writes receive from everything it differentiates
                Set<Var> inputs = floatingSources(c);
                for (int k = 0; k < c.args().size(); k++) {
                    Var written = IrWalk.rootVar(c.args().get(k));
                    if (c.callee().writes().get(k) && written != null) {
                        Set<Var> sources = new HashSet<>(inputs);
                        sources.add(written);
                        flows.add(new Flow(written, sources));
                    }
                }
            }
            Var target = IrWalk.definedVar(s);
            Expr value = IrWalk.storedValue(s);
            if (target != null && value != null) {
                Set<Var> sources = new HashSet<>(floatingSources(value));
                if (s instanceof Stmt.Assign a && (a.op() != org.cotangent.processor.ir.AssignOp.SET
                        || a.target() instanceof Expr.ArrayAccess)) {
                    sources.add(target);
                }
                flows.add(new Flow(target, sources));
                boolean copy = value instanceof Expr.Clone && value.type().rank() == 1;
                if (target.type().rank() > 0 && value.type().rank() > 0 && !copy) {
                    // an array assigned to another aliases it: writes through either reach both
                    // (a clone of a double[] is a copy; one of a double[][] shares the rows)
                    for (Var source : sources) {
                        flows.add(new Flow(source, Set.of(target)));
                    }
                }
            }
        });
        return flows;
    }

    /** The variables whose derivative can reach the value of {@code e}: not those in conditions or indices. */
    static Set<Var> floatingSources(Expr e) {
        Set<Var> out = new HashSet<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, Set<Var> out) {
        if (e instanceof Expr.Call c) {
            // a call's derivative flows from the arguments its pullback differentiates, whatever it returns
            for (int k = 0; k < c.args().size(); k++) {
                if (c.callee().wrt().get(k)) {
                    collect(c.args().get(k), out);
                }
            }
            return;
        }
        if (!e.type().isFloating()) {
            return;
        }
        if (e instanceof Expr.VarRef r) {
            out.add(r.var());
        } else if (e instanceof Expr.Unary u) {
            collect(u.operand(), out);
        } else if (e instanceof Expr.Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (e instanceof Expr.MathCall m) {
            m.args().forEach(a -> collect(a, out));
        } else if (e instanceof Expr.StaticCall c) {
            c.args().forEach(a -> collect(a, out));
        } else if (e instanceof Expr.Conditional c) {
            collect(c.whenTrue(), out);
            collect(c.whenFalse(), out);
        } else if (e instanceof Expr.Cast c) {
            collect(c.operand(), out);
        } else if (e instanceof Expr.ArrayAccess a) {
            collect(a.array(), out);
        } else if (e instanceof Expr.Clone c) {
            collect(c.array(), out);
        } else if (e instanceof Expr.ArrayLiteral l) {
            l.elements().forEach(x -> collect(x, out));
        }
    }

    public boolean isActive(Var v) {
        return v.type().isFloating() && varied.contains(v) && useful.contains(v);
    }

    public boolean isVaried(Var v) {
        return varied.contains(v);
    }

    public boolean isUseful(Var v) {
        return useful.contains(v);
    }

    /**
     * True if a derivative can flow out of {@code e}: it is floating and reads an active variable
     * through arithmetic. A call without a derivative is never active (the processor rejects one with
     * an active argument before this matters).
     */
    public boolean isActive(Expr e) {
        if (!e.type().isFloating()) {
            return false;
        }
        if (e instanceof Expr.VarRef r) {
            return isActive(r.var());
        }
        if (e instanceof Expr.Unary u) {
            return isActive(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            return isActive(b.left()) || isActive(b.right());
        }
        if (e instanceof Expr.MathCall m) {
            return m.args().stream().anyMatch(this::isActive);
        }
        if (e instanceof Expr.Conditional c) {
            return isActive(c.whenTrue()) || isActive(c.whenFalse());
        }
        if (e instanceof Expr.Cast c) {
            return isActive(c.operand());
        }
        if (e instanceof Expr.ArrayAccess a) {
            return isActive(a.array());
        }
        if (e instanceof Expr.Clone c) {
            return isActive(c.array());
        }
        if (e instanceof Expr.ArrayLiteral l) {
            return l.elements().stream().anyMatch(this::isActive);
        }
        if (e instanceof Expr.Call c) {
            for (int k = 0; k < c.args().size(); k++) {
                if (c.callee().wrt().get(k) && isActive(c.args().get(k))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True if {@code e} reads a varied variable through arithmetic (used to reject underivable calls). */
    public boolean isVaried(Expr e) {
        return floatingSources(e).stream().anyMatch(varied::contains);
    }
}
