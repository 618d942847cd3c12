#!/bin/sh
# A binary function: the request body arrives on stdin, stdout is the response.
echo "hello from a shell script, $REQUEST_METHOD $REQUEST_URI"
