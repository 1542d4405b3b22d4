module github.com/rerepl/rerepl

go 1.26
