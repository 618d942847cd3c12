from flask import request


def main():
    # As in Fission: the request is flask.request (Fissile ships a stand-in when Flask is absent).
    name = request.args.get("name", "world")
    return "hello, %s, from python\n" % name
