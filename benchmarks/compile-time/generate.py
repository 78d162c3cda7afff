"""Writes N @Differentiable methods (default 1,000) into CLASSES classes under OUT, a mix of the shapes
users write: straight-line scalar code, a loop over an array, a loop that overwrites a local
array, branches, and a call of another differentiable method. Usage: generate.py OUT [N] [CLASSES]."""
import os
import sys

SHAPES = [
    # straight-line scalar code with elementary functions
    """    @Differentiable
    public static double scalar{i}(double x, double y) {{
        double a = Math.sin(x * {c}) + y * y;
        double b = Math.exp(-a * 0.5) * Math.cos(y);
        double r = Math.sqrt(a * a + b * b + {c});
        return r * Math.log1p(a * a) + b / (1 + x * x);
    }}
""",
    # a reduction over an array
    """    @Differentiable(wrt = {{"w"}})
    public static double dot{i}(double[] w, double[] x, double b) {{
        double z = b;
        for (int j = 0; j < w.length; j++) {{
            z += w[j] * x[j] * {c};
        }}
        return Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0);
    }}
""",
    # a local work array overwritten in a loop (time stepping)
    """    @Differentiable
    public static double steps{i}(double[] y, double h, int n) {{
        double[] s = new double[y.length];
        for (int j = 0; j < y.length; j++) {{
            s[j] = y[j];
        }}
        for (int t = 0; t < n; t++) {{
            for (int j = 0; j < s.length; j++) {{
                s[j] = s[j] + h * Math.sin(s[j] * {c});
            }}
        }}
        double sum = 0;
        for (int j = 0; j < s.length; j++) {{
            sum += s[j] * s[j];
        }}
        return sum;
    }}
""",
    # branches and a while loop
    """    @Differentiable
    public static double branches{i}(double x, double y) {{
        double t = x;
        if (y > {c}) {{
            t = t * y + Math.tanh(x);
        }} else {{
            t = t - y * Math.atan(x);
        }}
        int k = 0;
        while (k < 3) {{
            t = t * 0.5 + Math.hypot(t, y);
            k++;
        }}
        return t * t;
    }}
""",
    # a call of another differentiable method of the class
    """    @Differentiable
    public static double calls{i}(double x, double y) {{
        return scalar{j}(x, y) * {c} + scalar{j}(y, x);
    }}
""",
]


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    classes = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    pkg = os.path.join(out, "gen")
    os.makedirs(pkg, exist_ok=True)
    per_class = n // classes
    written = 0
    for k in range(classes):
        body = []
        first_scalar = None
        for m in range(per_class):
            i = written
            shape = i % len(SHAPES)
            if shape == 0 and first_scalar is None:
                first_scalar = i
            j = first_scalar if first_scalar is not None else i
            c = 0.5 + (i % 7) * 0.25
            body.append(SHAPES[shape].format(i=i, j=j, c=c))
            written += 1
        with open(os.path.join(pkg, f"Model{k}.java"), "w") as f:
            f.write("package gen;\n\nimport org.cotangent.Differentiable;\n\n")
            f.write(f"public final class Model{k} {{\n    private Model{k}() {{\n    }}\n\n")
            f.write("\n".join(body))
            f.write("}\n")
    print(f"{written} methods in {classes} classes under {pkg}")


if __name__ == "__main__":
    main()
