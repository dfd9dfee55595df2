# Writes problems.jsonl: synthetic problems in the LiveCodeBench code-generation release format, written for
# claimcheck's tests (redistributable). Private tests of some rows are encoded as LiveCodeBench encodes them:
# base64(zlib(pickle(json string))). metadata.reference_solution is our addition, used by the simulator only.
# Run: python3 make_fixture.py > problems.jsonl
import base64, json, pickle, zlib

def enc(tests):
    return base64.b64encode(zlib.compress(pickle.dumps(json.dumps(tests)))).decode()

def t(i, o, kind="stdin"):
    return {"input": i, "output": o, "testtype": kind}

rows = [
    dict(question_title="Sum of Two", question_id="cc001", platform="atcoder", contest_date="2024-11-03T00:00:00",
         difficulty="easy", starter_code="",
         question_content="Read two integers A and B and print A+B.",
         public=[t("1 2\n", "3\n")], private=[t("10 -4\n", "6\n"), t("1000000000 1000000000\n", "2000000000\n")],
         encode=False, meta={"reference_solution": "a, b = map(int, input().split())\nprint(a + b)\n"}),
    dict(question_title="Maximum Subarray", question_id="cc002", platform="codeforces", contest_date="2025-02-10T00:00:00",
         difficulty="medium", starter_code="",
         question_content="Given N and N integers, print the largest sum of a non-empty contiguous subarray.",
         public=[t("5\n-2 1 -3 4 -1\n", "4\n")],
         private=[t("3\n-5 -2 -7\n", "-2\n"), t("6\n2 -1 2 3 -9 4\n", "6\n"), t("1\n7\n", "7\n")],
         encode=True, meta={"reference_solution": (
             "n = int(input())\na = list(map(int, input().split()))\nbest = cur = a[0]\n"
             "for x in a[1:]:\n    cur = max(x, cur + x)\n    best = max(best, cur)\nprint(best)\n")}),
    dict(question_title="Two Sum", question_id="cc003", platform="leetcode", contest_date="2025-03-01T00:00:00",
         difficulty="easy", starter_code="class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        ",
         question_content="Return the indices of the two numbers of nums that add up to target.",
         public=[t("[2, 7, 11, 15]\n9", "[0, 1]", "functional")],
         private=[t("[3, 2, 4]\n6", "[1, 2]", "functional"), t("[3, 3]\n6", "[0, 1]", "functional")],
         encode=True, meta={"func_name": "twoSum", "reference_solution": (
             "class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n"
             "        seen = {}\n        for i, x in enumerate(nums):\n            if target - x in seen:\n"
             "                return [seen[target - x], i]\n            seen[x] = i\n")}),
    dict(question_title="Average Rating", question_id="cc004", platform="leetcode", contest_date="2025-04-12T00:00:00",
         difficulty="hard", starter_code="class Solution:\n    def average(self, ratings: List[int]) -> float:\n        ",
         question_content="Return the mean of ratings as a float.",
         public=[t("[1, 2]", "1.5", "functional")], private=[t("[4, 4, 4]", "4", "functional")],
         encode=False, meta={"func_name": "average", "reference_solution": (
             "class Solution:\n    def average(self, ratings: List[int]) -> float:\n"
             "        return sum(ratings) / len(ratings)\n")}),
]
for r in rows:
    out = {k: r[k] for k in ("question_title", "question_content", "platform", "question_id", "contest_date",
                             "starter_code", "difficulty")}
    out["public_test_cases"] = json.dumps(r["public"])
    out["private_test_cases"] = enc(r["private"]) if r["encode"] else json.dumps(r["private"])
    out["metadata"] = json.dumps(r["meta"])
    print(json.dumps(out))
