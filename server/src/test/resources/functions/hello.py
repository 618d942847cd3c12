def main():
    return "hello from python\n"
