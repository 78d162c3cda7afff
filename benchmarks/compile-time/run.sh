#!/bin/sh
# Compile time of N generated @Differentiable methods (default 1,000), with the processor against
# javac alone on the same sources, and javac alone on the sources plus what the processor wrote
# (the share of the generated code's own compilation). Needs python3; builds the processor first.
set -e
cd "$(dirname "$0")/../.."
mvn -B -q -DskipTests package -pl processor -am
N=${1:-1000}
WORK=$(mktemp -d)
python3 benchmarks/compile-time/generate.py "$WORK/src" "$N"
VERSION=$(sed -n 's:.*<javaparser.version>\(.*\)</javaparser.version>.*:\1:p' pom.xml)
JAVAPARSER=$HOME/.m2/repository/com/github/javaparser/javaparser-core/$VERSION/javaparser-core-$VERSION.jar
CP=annotation/target/cotangent-annotation-0.1.0-SNAPSHOT.jar:runtime/target/cotangent-runtime-0.1.0-SNAPSHOT.jar
PROCESSOR=processor/target/cotangent-processor-0.1.0-SNAPSHOT.jar:$JAVAPARSER:$CP
SOURCES=$(find "$WORK/src" -name '*.java')
seconds() {
  python3 -c 'import subprocess, sys, time
t = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(f"{time.perf_counter() - t:.2f}")' "$@"
}
for round in 1 2 3; do
  rm -rf "$WORK/out" "$WORK/gen"; mkdir -p "$WORK/out" "$WORK/gen"
  alone=$(seconds javac -proc:none -cp "$CP" -d "$WORK/out" $SOURCES)
  rm -rf "$WORK/out"; mkdir -p "$WORK/out"
  with=$(seconds javac -cp "$CP" -processorpath "$PROCESSOR" -s "$WORK/gen" -d "$WORK/out" $SOURCES)
  rm -rf "$WORK/out"; mkdir -p "$WORK/out"
  both=$(seconds javac -proc:none -cp "$CP" -d "$WORK/out" $SOURCES $(find "$WORK/gen" -name '*.java'))
  echo "round $round: javac alone ${alone} s, with the processor ${with} s, javac alone on sources + generated ${both} s"
done
echo "generated lines: $(find "$WORK/gen" -name '*.java' -exec cat {} + | wc -l)"
rm -rf "$WORK"
