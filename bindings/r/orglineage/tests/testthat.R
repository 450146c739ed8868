library(testthat)
library(orglineage)
test_check("orglineage")
