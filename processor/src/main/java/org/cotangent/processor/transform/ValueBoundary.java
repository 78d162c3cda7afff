package org.cotangent.processor.transform;

import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Function;
import org.cotangent.processor.ir.GeneratedMethod;
import org.cotangent.processor.ir.IrMap;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.ValueParam;
import org.cotangent.processor.ir.ValueType;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.naming.Names;
import org.cotangent.processor.naming.RuntimeMethod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the user's value types back at the public boundary of a generated method. Inside, every
 * method works on the leaves of a value parameter ({@code p_w}, {@code p_b} of
 * {@code record Params(double[] w, double b)}); the user passes {@code Params p} and, for the
 * derivatives, a {@code ParamsTangent}. This rewrites the method's parameters and opens its body
 * with the reads of the leaves: {@code double[] p_w = p.w();} for the value,
 * {@code double[] p_w_adj = p_adj.w;} for an array accumulator or tangent, while a scalar
 * accumulator's slot {@code p_b_adj[0]} becomes the tangent's field {@code p_adj.b}, so nothing
 * is allocated.
 */
public final class ValueBoundary {
    /** What the parameters after the primal ones are. */
    public enum Kind {
        /** Only the primal parameters ({@code _grad}, {@code _jacobian}). */
        PRIMAL,
        /** The seed (if the method returns a value), then one accumulator per wrt parameter. */
        VJP,
        /** One tangent per wrt parameter. */
        JVP
    }

    private ValueBoundary() {
    }

    /** {@code method} with the value parameters of {@code fn} at its boundary (unchanged if it has none). */
    public static GeneratedMethod adapt(GeneratedMethod method, Function fn, Kind kind) {
        GeneratedMethod adapted = adaptParams(method, fn, kind);
        return fn.valueReturn() == null || kind == Kind.PRIMAL ? adapted : ValueResults.adapt(adapted, fn, kind);
    }

    private static GeneratedMethod adaptParams(GeneratedMethod method, Function fn, Kind kind) {
        if (fn.valueParams().isEmpty()) {
            return method;
        }
        List<GeneratedMethod.Param> params = new ArrayList<>();
        List<Stmt> prologue = new ArrayList<>();
        Map<String, String> spelled = new HashMap<>();
        int n = fn.params().size();
        for (int k = 0; k < n; k++) {
            Var p = fn.params().get(k);
            ValueParam vp = fn.valueParamOf(p);
            if (vp == null) {
                params.add(method.params().get(k));
            } else if (vp.leaves().get(0).equals(p)) {
                params.add(new GeneratedMethod.Param(vp.type().javaName(), vp.name()));
                Var object = new Var(vp.name(), Type.named(vp.type().javaName()));
                prologue.add(notNull(object));
                List<ValueType.Leaf> leaves = vp.type().leaves();
                for (int i = 0; i < leaves.size(); i++) {
                    if (!reads(method.body(), vp.leaves().get(i))) {
                        continue; // a component this method never reads is not read from the object either
                    }
                    prologue.add(new Stmt.Decl(vp.leaves().get(i), read(object, leaves.get(i), false), null));
                    spelled.put(quoted(vp.leaves().get(i).name()), quoted(spelling(vp.name(), leaves.get(i), false)));
                }
            }
        }
        int at = n;
        if (kind == Kind.VJP && !fn.returnType().equals(Type.VOID)) {
            params.add(method.params().get(at++));
        }
        Map<Var, Expr> slots = new HashMap<>();
        if (kind != Kind.PRIMAL) {
            for (Var w : fn.wrt()) {
                GeneratedMethod.Param declared = method.params().get(at++);
                ValueParam vp = fn.valueParamOf(w);
                if (vp == null) {
                    params.add(declared);
                    continue;
                }
                String suffix = kind == Kind.VJP ? Names.accumulator("") : Names.tangent("");
                if (!declared.name().equals(w.name() + suffix)) {
                    throw new IllegalStateException("expected " + w.name() + suffix + ", found " + declared.name());
                }
                Var object = new Var(vp.name() + suffix, Type.named(vp.type().tangentJavaName()));
                if (firstActive(vp).equals(w)) {
                    params.add(new GeneratedMethod.Param(vp.type().tangentJavaName(), object.name()));
                    prologue.add(notNull(object));
                }
                ValueType.Leaf leaf = vp.type().leaves().get(vp.leaves().indexOf(w));
                spelled.put(quoted(declared.name()), quoted(spelling(object.name(), leaf, true)));
                Var local = new Var(declared.name(), kind == Kind.VJP && w.type().rank() == 0 ? Type.DOUBLE_ARRAY
                        : w.type());
                if (kind == Kind.VJP && w.type().rank() == 0) {
                    slots.put(local, read(object, leaf, true));
                } else {
                    if (reads(method.body(), local)) {
                        prologue.add(new Stmt.Decl(local, read(object, leaf, true), null));
                    }
                }
            }
        }
        if (at != method.params().size()) {
            throw new IllegalStateException(method.name() + " has " + method.params().size() + " parameters, not " + at);
        }
        List<Stmt> kept = new ArrayList<>();
        for (Stmt st : method.body().stmts()) {
            // a scalar accumulator is a field of the tangent object: nothing to check but the object
            if (!(st instanceof Stmt.ExprStmt e && e.expr() instanceof Expr.StaticCall c && !c.args().isEmpty()
                    && c.args().get(0) instanceof Expr.VarRef r && slots.containsKey(r.var()))) {
                kept.add(st);
            }
        }
        Stmt.Block body = new IrMap(v -> v, p -> p) {
            @Override
            protected Expr replace(Expr e) {
                if (e instanceof Expr.ArrayAccess a && a.array() instanceof Expr.VarRef r && slots.containsKey(r.var())) {
                    return slots.get(r.var());
                }
                if (e instanceof Expr.VarRef r && slots.containsKey(r.var())) {
                    throw new IllegalStateException("the accumulator " + r.var().name() + " is used whole");
                }
                if (e instanceof Expr.Literal l && spelled.containsKey(l.text())) {
                    return new Expr.Literal(spelled.get(l.text()), l.type());
                }
                return null;
            }
        }.block(new Stmt.Block(kept));
        List<Stmt> all = new ArrayList<>(prologue);
        all.addAll(body.stmts());
        return new GeneratedMethod(method.name(), javadoc(method.javadoc(), fn, kind), method.returnType(), params,
                new Stmt.Block(all));
    }

    /** The Javadoc with each leaf named as the user reaches it: {@code p.w()}, {@code p_adj.b}. */
    private static String javadoc(String text, Function fn, Kind kind) {
        String out = text;
        for (ValueParam vp : fn.valueParams()) {
            List<ValueType.Leaf> leaves = vp.type().leaves();
            for (int i = 0; i < leaves.size(); i++) {
                String leaf = vp.leaves().get(i).name();
                if (kind == Kind.VJP) {
                    String spelled = "{@code " + spelling(Names.accumulator(vp.name()), leaves.get(i), true) + "}";
                    out = out.replace("{@code " + Names.accumulator(leaf) + "[0]}", spelled)
                            .replace("{@code " + Names.accumulator(leaf) + "}", spelled);
                }
                out = out.replace("{@code " + leaf + "}", "{@code " + spelling(vp.name(), leaves.get(i), false) + "}");
            }
        }
        return out;
    }

    /** Whether any statement of {@code body} reads {@code v}. */
    private static boolean reads(Stmt.Block body, Var v) {
        boolean[] found = {false};
        org.cotangent.processor.ir.IrWalk.forEachStmt(body, s -> {
            for (Expr e : org.cotangent.processor.ir.IrWalk.ownExprs(s)) {
                found[0] |= org.cotangent.processor.ir.IrWalk.reads(e, v);
            }
        });
        return found[0];
    }

    /** {@code Checks.notNull(p, "p");}: a value or tangent object must be given. */
    static Stmt notNull(Var object) {
        return new Stmt.ExprStmt(RuntimeMethod.CHECK_NOT_NULL.call(List.of(new Expr.VarRef(object),
                new Expr.Literal(quoted(object.name()), Type.named("String"))), Type.VOID), null);
    }

    static String quoted(String s) {
        return "\"" + s + "\"";
    }

    /** How the user names a leaf in messages: {@code p.w()} of a value, {@code p_adj.w} of a tangent. */
    static String spelling(String object, ValueType.Leaf leaf, boolean tangent) {
        StringBuilder out = new StringBuilder(object);
        for (ValueType.Component c : leaf.path()) {
            out.append('.').append(tangent ? c.name() : c.read());
        }
        return out.toString();
    }

    private static Var firstActive(ValueParam vp) {
        for (Var leaf : vp.leaves()) {
            if (leaf.type().isFloating()) {
                return leaf;
            }
        }
        throw new IllegalStateException(vp.name() + " has no active leaf");
    }

    /** The read of {@code leaf} from {@code object} (a value, or for {@code tangent} a tangent object). */
    static Expr read(Var object, ValueType.Leaf leaf, boolean tangent) {
        return leaf.readFrom(new Expr.VarRef(object), tangent);
    }

    /**
     * A parameter the user differentiates with respect to, as the boundary sees it: a plain one
     * ({@code double}, {@code double[]}, {@code double[][]}) or a value parameter.
     *
     * @param name its name
     * @param typeName its gradient's type as written: the parameter's type, or the tangent class
     * @param value the value parameter, or null
     * @param plain the plain parameter, or null
     */
    public record Wrt(String name, String typeName, ValueParam value, Var plain) {
    }

    /** The wrt parameters of {@code fn} in declaration order, value parameters whole. */
    public static List<Wrt> wrt(Function fn) {
        List<Wrt> out = new ArrayList<>();
        for (Var p : fn.params()) {
            ValueParam vp = fn.valueParamOf(p);
            if (vp == null) {
                if (fn.wrt().contains(p)) {
                    out.add(new Wrt(p.name(), p.type().javaName(), null, p));
                }
            } else if (vp.wrt() && vp.leaves().get(0).equals(p)) {
                out.add(new Wrt(vp.name(), vp.type().tangentJavaName(), vp, null));
            }
        }
        return out;
    }

    /**
     * A new tangent object of {@code vp}'s type holding {@code leaves}' expressions (one per active
     * leaf), nested types built inside out: {@code new MlpTangent(new LayerTangent(a, b), ...)}.
     */
    public static Expr tangentOf(ValueParam vp, Map<Var, Expr> leaves) {
        List<Expr> values = new ArrayList<>();
        vp.leaves().forEach(leaf -> values.add(leaves.get(leaf)));
        return vp.type().construct(values, true);
    }

    /** {@code TTangent.zerosLike(p)} for a wrt value parameter: zeros shaped like its value. */
    public static Expr zerosLike(Wrt w) {
        return new Expr.StaticCall(w.typeName(), "zerosLike", List.of(new Expr.VarRef(new Var(w.name(),
                Type.named(w.value().type().javaName())))), Type.named(w.typeName()));
    }

    /** The names the boundary gives value parameters and their tangent objects ({@code p}, {@code p_adj}, {@code p_dot}). */
    public static List<String> reservedNames(Function fn) {
        List<String> out = new ArrayList<>();
        for (ValueParam vp : fn.valueParams()) {
            out.add(vp.name());
            out.add(Names.accumulator(vp.name()));
            out.add(Names.tangent(vp.name()));
        }
        return out;
    }

    /** The parameters of {@code fn} as the user declared them. */
    public static List<GeneratedMethod.Param> primalParams(Function fn) {
        List<GeneratedMethod.Param> out = new ArrayList<>();
        for (Var p : fn.params()) {
            ValueParam vp = fn.valueParamOf(p);
            if (vp == null) {
                out.add(new GeneratedMethod.Param(p.type().javaName(), p.name()));
            } else if (vp.leaves().get(0).equals(p)) {
                out.add(new GeneratedMethod.Param(vp.type().javaName(), vp.name()));
            }
        }
        return out;
    }

    /** The arguments that pass {@code fn}'s parameters on, as the user declared them. */
    public static List<Expr> primalArgs(Function fn) {
        List<Expr> out = new ArrayList<>();
        for (GeneratedMethod.Param p : primalParams(fn)) {
            ValueParam vp = fn.valueParams().stream().filter(v -> v.name().equals(p.name())).findFirst().orElse(null);
            Var plain = fn.params().stream().filter(v -> v.name().equals(p.name()) && fn.valueParamOf(v) == null)
                    .findFirst().orElse(null);
            out.add(new Expr.VarRef(vp != null ? new Var(vp.name(), Type.named(vp.type().javaName())) : plain));
        }
        return out;
    }
}
