go 1.21
require x v1
