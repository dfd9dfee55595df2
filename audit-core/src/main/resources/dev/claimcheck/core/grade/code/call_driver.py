# Call-based test driver (claimcheck code grader): runs inside the sandbox. argv[1] is the function name;
# stdin holds one JSON argument per line; the return value goes to the real stdout as JSON, while anything the
# program prints goes to stderr so it cannot be mistaken for the result.
import json
import sys

sys.setrecursionlimit(100000)
PRELUDE = ("from typing import *\nfrom collections import *\nfrom functools import *\nfrom itertools import *\n"
           "from heapq import *\nfrom bisect import *\nimport math, string, re, random, sys, collections, heapq, bisect\n")

def main():
    name = sys.argv[1]
    source = open('/box/main.py', encoding='utf-8').read()
    args = [json.loads(line) for line in sys.stdin.read().split('\n') if line.strip()]
    ns = {'__name__': 'solution'}
    real_stdout = sys.stdout
    sys.stdout = sys.stderr
    exec(compile(PRELUDE + source, '/box/main.py', 'exec'), ns)
    if 'Solution' in ns and hasattr(ns['Solution'], name):
        fn = getattr(ns['Solution'](), name)
    elif name in ns:
        fn = ns[name]
    else:
        raise NameError('no function or Solution method named ' + name)
    result = fn(*args)
    if isinstance(result, tuple):
        result = list(result)
    sys.stdout = real_stdout
    real_stdout.write(json.dumps(result))
    real_stdout.flush()

main()
