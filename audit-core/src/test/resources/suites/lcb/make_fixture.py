# Writes release/test.jsonl and release/test6.jsonl: synthetic problems of claimcheck's own, laid out as the
# livecodebench/code_generation_lite release files (one JSON object per line; public_test_cases a JSON string;
# private_test_cases a JSON string or, as LiveCodeBench ships most rows, base64(zlib(pickle(json string)));
# metadata a JSON string with func_name for functional problems). metadata.reference_solution is our addition,
# read by the simulator only. release_v6 = test.jsonl ... test6.jsonl, v6 = test6.jsonl alone.
# Run: python3 make_fixture.py
import base64, json, pickle, zlib

def enc(tests):
    return base64.b64encode(zlib.compress(pickle.dumps(json.dumps(tests)))).decode()

def t(i, o, kind="stdin"):
    return {"input": i, "output": o, "testtype": kind}

SUM = "a, b = map(int, input().split())\nprint(a + b)\n"
MAXSUB = ("n = int(input())\na = list(map(int, input().split()))\nbest = cur = a[0]\n"
          "for x in a[1:]:\n    cur = max(x, cur + x)\n    best = max(best, cur)\nprint(best)\n")
TWOSUM = ("class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n"
          "        seen = {}\n        for i, x in enumerate(nums):\n            if target - x in seen:\n"
          "                return [seen[target - x], i]\n            seen[x] = i\n")
MAXV = "n = int(input())\nprint(max(map(int, input().split())))\n"
REV = "class Solution:\n    def reverse(self, s: str) -> str:\n        return s[::-1]\n"
EVEN = "print(sum(1 for x in map(int, input().split()) if x % 2 == 0))\n"
MEAN = "class Solution:\n    def average(self, ratings: List[int]) -> float:\n        return sum(ratings) / len(ratings)\n"

files = {
    "test.jsonl": [
        dict(question_title="Sum of Two", question_id="abc301_a", contest_id="abc301", platform="atcoder",
             contest_date="2023-05-13T00:00:00", difficulty="easy", starter_code="",
             question_content="Read two integers A and B and print A+B.",
             public=[t("1 2\n", "3\n")], private=[t("10 -4\n", "6\n"), t("1000000000 1000000000\n", "2000000000\n")],
             encode=True, meta={"reference_solution": SUM}),
    ],
    "test2.jsonl": [
        dict(question_title="Two Sum", question_id="lc-two-sum", contest_id="weekly-contest-350", platform="leetcode",
             contest_date="2023-06-18T00:00:00", difficulty="medium",
             starter_code="class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        ",
             question_content="Return the indices of the two numbers of nums that add up to target.",
             public=[t("[2, 7, 11, 15]\n9", "[0, 1]", "functional")],
             private=[t("[3, 2, 4]\n6", "[1, 2]", "functional"), t("[3, 3]\n6", "[0, 1]", "functional")],
             encode=False, meta={"func_name": "twoSum", "reference_solution": TWOSUM}),
    ],
    "test3.jsonl": [
        dict(question_title="Largest", question_id="abc320_b", contest_id="abc320", platform="atcoder",
             contest_date="2023-09-16T00:00:00", difficulty="easy", starter_code="",
             question_content="Read N and N integers and print the largest.",
             public=[t("3\n1 5 2\n", "5\n")], private=[t("2\n-7 -3\n", "-3\n")],
             encode=True, meta={"reference_solution": MAXV}),
    ],
    "test4.jsonl": [
        dict(question_title="Reverse", question_id="lc-reverse", contest_id="weekly-contest-390", platform="leetcode",
             contest_date="2024-03-24T00:00:00", difficulty="easy",
             starter_code="class Solution:\n    def reverse(self, s: str) -> str:\n        ",
             question_content="Return s reversed.",
             public=[t("\"abc\"", "\"cba\"", "functional")], private=[t("\"ab\"", "\"ba\"", "functional")],
             encode=True, meta={"func_name": "reverse", "reference_solution": REV}),
    ],
    "test5.jsonl": [
        dict(question_title="Even Count", question_id="abc380_a", contest_id="abc380", platform="atcoder",
             contest_date="2024-11-16T00:00:00", difficulty="medium", starter_code="",
             question_content="Print how many of the integers on the line are even.",
             public=[t("1 2 3 4\n", "2\n")], private=[t("7\n", "0\n"), t("0 -2\n", "2\n")],
             encode=False, meta={"reference_solution": EVEN}),
    ],
    "test6.jsonl": [
        dict(question_title="Maximum Subarray", question_id="1999A", contest_id="1999", platform="codeforces",
             contest_date="2025-02-10T00:00:00", difficulty="medium", starter_code="",
             question_content="Given N and N integers, print the largest sum of a non-empty contiguous subarray.",
             public=[t("5\n-2 1 -3 4 -1\n", "4\n")],
             private=[t("3\n-5 -2 -7\n", "-2\n"), t("6\n2 -1 2 3 -9 4\n", "6\n")],
             encode=True, meta={"reference_solution": MAXSUB}),
        dict(question_title="Average Rating", question_id="lc-average", contest_id="weekly-contest-440", platform="leetcode",
             contest_date="2025-04-12T00:00:00", difficulty="hard",
             starter_code="class Solution:\n    def average(self, ratings: List[int]) -> float:\n        ",
             question_content="Return the mean of ratings as a float.",
             public=[t("[1, 2]", "1.5", "functional")], private=[t("[4, 4, 4]", "4", "functional")],
             encode=True, meta={"func_name": "average", "reference_solution": MEAN}),
    ],
}
for name, rows in files.items():
    with open("release/" + name, "w") as f:
        for r in rows:
            out = {k: r[k] for k in ("question_title", "question_content", "platform", "question_id", "contest_id",
                                     "contest_date", "starter_code", "difficulty")}
            out["public_test_cases"] = json.dumps(r["public"])
            out["private_test_cases"] = enc(r["private"]) if r["encode"] else json.dumps(r["private"])
            out["metadata"] = json.dumps(r["meta"])
            f.write(json.dumps(out) + "\n")
