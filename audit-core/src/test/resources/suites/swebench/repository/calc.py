"""A made-up library with one bug: add subtracts."""


def add(a, b):
    return a - b


def mul(a, b):
    return a * b
