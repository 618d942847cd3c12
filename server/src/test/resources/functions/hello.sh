#!/bin/sh
echo "hello from binary"
